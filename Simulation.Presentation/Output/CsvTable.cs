using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// One result file's columns: per column its header and how a row's value is written. The same
/// description writes the file and reads it back by header, so a writer and its readers cannot
/// drift apart (a reader that asks for a column the table does not have fails loudly).
/// </summary>
internal sealed class CsvTable<TRow>
{
    private readonly List<string> _headers = [];
    private readonly List<CsvField<TRow>> _writers = [];

    public IReadOnlyList<string> Headers => _headers;

    public CsvTable<TRow> Column(string header, CsvValue<TRow, string> value) => Add(header, (Csv csv, in TRow row) => csv.Add(value(in row)));

    public CsvTable<TRow> Column(string header, CsvValue<TRow, long> value) => Add(header, (Csv csv, in TRow row) => csv.Add(value(in row)));

    /// <summary>A number to <see cref="Csv.SignificantDigits"/> significant digits; empty where it is undefined (NaN or infinite).</summary>
    public CsvTable<TRow> Column(string header, CsvValue<TRow, double> value) => Add(header, (Csv csv, in TRow row) => csv.Add(value(in row)));

    public CsvTable<TRow> Column(string header, CsvValue<TRow, DateOnly> value) => Add(header, (Csv csv, in TRow row) => csv.Add(value(in row)));

    /// <summary>A column that writes its value itself (text formatted without a string, for files of a million rows).</summary>
    public CsvTable<TRow> Column(string header, CsvField<TRow> write) => Add(header, write);

    /// <summary>Three columns: the mean (empty without observations) and the bounds of its 95 % interval (empty where there is none).</summary>
    public CsvTable<TRow> Estimate(string mean, string low, string high, CsvValue<TRow, Estimate?> value) => this
        .Column(mean, (in row) => value(in row) is { N: > 0 } e ? e.Mean : double.NaN)
        .Column(low, (in row) => value(in row)?.Low ?? double.NaN)
        .Column(high, (in row) => value(in row)?.High ?? double.NaN);

    /// <summary>
    /// Ten columns of a paired difference to a baseline (all empty where there is none): its mean
    /// (<paramref name="mean"/>) and interval (difference_low, difference_high), the interval's
    /// confidence level, whether it excludes zero (significant), the unpaired half-width; then the
    /// replications it is taken over (those where both have a value), whether they are exactly the
    /// replications of both means (same_replications_as_means), and the baseline's and the
    /// variant's means over them, whose difference it is.
    /// </summary>
    public CsvTable<TRow> Difference(string mean, CsvValue<TRow, Difference?> value) => this
        .Estimate(mean, "difference_low", "difference_high", (in r) => value(in r)?.Paired)
        .Column("difference_level", (in r) => value(in r)?.Level ?? double.NaN)
        .Column("significant", (in r) => value(in r) is not { Paired.HalfWidth: not null } d ? "" : d.Significant ? "true" : "false")
        .Column("unpaired_half_width", (in r) => value(in r)?.UnpairedHalfWidth ?? double.NaN)
        .Column("difference_replications", (in r) => value(in r) is { } d ? d.Paired.N.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")
        .Column("same_replications_as_means", (in r) => value(in r) is not { } d ? "" : d.OnTheReplicationsOfTheMeans ? "true" : "false")
        .Column("baseline_mean_on_pairs", (in r) => value(in r)?.BaselineMeanOfPairs ?? double.NaN)
        .Column("variant_mean_on_pairs", (in r) => value(in r)?.VariantMeanOfPairs ?? double.NaN);

    /// <summary>Creates the file (it must not exist yet) and writes the header and the rows.</summary>
    public void Write(string path, IEnumerable<TRow> rows)
    {
        using var writer = Csv.Open(path);
        Write(writer, rows);
    }

    public void Write(TextWriter writer, IEnumerable<TRow> rows)
    {
        var csv = new Csv(writer);
        csv.Header([.. _headers]);
        foreach (var row in rows)
        {
            foreach (var write in _writers)
            {
                write(csv, in row);
            }

            csv.EndRow();
        }

        csv.Flush();
    }

    /// <summary>The rows of a file this table wrote, by header; the file must have every column of the table.</summary>
    public IReadOnlyList<CsvRecord> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public IReadOnlyList<CsvRecord> Read(TextReader reader)
    {
        using var rows = Csv.ReadRows(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new InvalidDataException("the file has no header");
        }

        var positions = rows.Current.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        if (_headers.FirstOrDefault(h => !positions.ContainsKey(h)) is { } missing)
        {
            throw new InvalidDataException($"the file has no column '{missing}'");
        }

        var index = _headers.ToDictionary(h => h, h => positions[h], StringComparer.Ordinal);
        var records = new List<CsvRecord>();
        while (rows.MoveNext())
        {
            records.Add(new CsvRecord(index, rows.Current));
        }

        return records;
    }

    private CsvTable<TRow> Add(string header, CsvField<TRow> write)
    {
        _headers.Add(header);
        _writers.Add(write);
        return this;
    }
}
