using System.Globalization;
using System.Text;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Validation;

/// <summary>
/// An observed-data file (<c>data/observed/*.csv</c>, docs/calibration.md, "Observed durations"):
/// CSV with exactly the columns <c>process, region, statistic, value, unit, source</c>, one
/// observation a row. Reading checks everything that does not need a scenario (the header, the
/// number of fields, the statistic, the value and its unit, that a source is given);
/// <see cref="ObservedTarget.Resolve"/> checks the rest against a scenario. Every problem is
/// reported with file, line and column; nothing is half-read.
/// </summary>
public sealed record ObservedData(string File, string Sha256, IReadOnlyList<ObservedRow> Rows)
{
    /// <summary>The columns, in their order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["process", "region", "statistic", "value", "unit", "source"];

    /// <summary>Observed data are a few hundred rows; a file larger than this is the wrong file.</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    private static string Header => string.Join(',', Columns);

    /// <summary>Reads and checks a file; throws <see cref="ObservedDataException"/> listing every problem.</summary>
    public static ObservedData Read(string path) => Parse(ReadText(path), path);

    /// <summary>Checks the text of a file that <paramref name="file"/> names in messages.</summary>
    public static ObservedData Parse(string text, string file)
    {
        var problems = new List<ScenarioDiagnostic>();
        void Problem(SourcePosition at, string message) => problems.Add(new ScenarioDiagnostic(file, at, message));

        var records = CsvRecords.Split(text, Problem);
        var rows = new List<ObservedRow>();
        if (records.Count == 0)
        {
            if (problems.Count == 0)
            {
                Problem(SourcePosition.Unknown, $"the file is empty; expected the header '{Header}' and one observation a line");
            }

            throw new ObservedDataException(problems);
        }

        if (CheckHeader(records[0], Problem))
        {
            foreach (var record in records.Skip(1))
            {
                if (Row(record, Problem) is { } row)
                {
                    rows.Add(row);
                }
            }

            if (records.Count == 1 && problems.Count == 0)
            {
                Problem(SourcePosition.Unknown, "the file has its header but no observations");
            }
        }

        if (problems.Count > 0)
        {
            throw new ObservedDataException([.. problems.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)]);
        }

        return new ObservedData(file, ScenarioLoader.Hash(text), rows);
    }

    private static bool CheckHeader(CsvRecords.Record header, Action<SourcePosition, string> problem)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i >= header.Fields.Count)
            {
                problem(header.End, $"expected column {i + 1} to be '{Columns[i]}', found the end of the line (the header must be exactly {Header})");
                return false;
            }

            if (header.Fields[i].Text != Columns[i])
            {
                problem(header.Fields[i].At, $"expected column {i + 1} to be '{Columns[i]}', found '{header.Fields[i].Text}' (the header must be exactly {Header})");
                return false;
            }
        }

        if (header.Fields.Count > Columns.Count)
        {
            var extra = header.Fields[Columns.Count];
            problem(extra.At, $"expected the end of the header after '{Columns[^1]}', found '{extra.Text}' (the header must be exactly {Header})");
            return false;
        }

        return true;
    }

    private static ObservedRow? Row(CsvRecords.Record record, Action<SourcePosition, string> problem)
    {
        var fields = record.Fields;
        if (fields.Count != Columns.Count)
        {
            var at = fields.Count > Columns.Count ? fields[Columns.Count].At : record.End;
            problem(at, $"expected {Columns.Count} fields ({Header}), found {fields.Count}");
            return null;
        }

        var ok = true;
        void Fail(CsvRecords.Field field, string message)
        {
            problem(field.At, message);
            ok = false;
        }

        var (process, region, statisticField, valueField, unitField, source) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        if (process.Text.Length == 0)
        {
            Fail(process, "expected a process id of the scenario, found nothing");
        }

        var statistic = ObservedStatistic.Parse(statisticField.Text, out var statisticError);
        if (statistic is null)
        {
            Fail(statisticField, statisticField.Text.Length == 0 ? $"expected a statistic ({ObservedStatistic.Expected}), found nothing" : statisticError);
        }

        var value = double.NaN;
        if (!double.TryParse(valueField.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            Fail(valueField, $"expected a number such as 65 or 0.045, found '{valueField.Text}'");
        }
        else if (statistic is { IsShare: true } && value is < 0 or > 1)
        {
            Fail(valueField, $"expected a share between 0 and 1 for {statistic.Text}, found {valueField.Text}");
        }
        else if (statistic is { IsShare: false } && value < 0)
        {
            Fail(valueField, $"expected a number of days of at least 0 for {statistic.Text}, found {valueField.Text}");
        }

        if (statistic is not null && unitField.Text != statistic.Unit)
        {
            var hint = unitField.Text switch
            {
                "months" or "month" or "mo" => $" (a month is {CalendarMonth.ToString("R", CultureInfo.InvariantCulture)} days: 365.2425 / 12)",
                "years" or "year" or "y" => " (a year is 365.2425 days)",
                "percent" or "%" => " (a share is a percentage / 100)",
                _ => "",
            };
            Fail(unitField, $"expected the unit '{statistic.Unit}' for {statistic.Text}, found '{unitField.Text}'{hint}");
        }

        if (source.Text.Trim().Length == 0)
        {
            Fail(source, "expected the source of the figure (title, publisher, year, address), found nothing");
        }

        return ok
            ? new ObservedRow(record.Line, process.Text, region.Text, statistic!, value, unitField.Text, source.Text)
            {
                ProcessAt = process.At,
                RegionAt = region.At,
                StatisticAt = statisticField.At,
            }
            : null;
    }

    private const double CalendarMonth = 365.2425 / 12;

    private static string ReadText(string path)
    {
        ObservedDataException Problem(string message) => new([new ScenarioDiagnostic(path, SourcePosition.Unknown, message)]);
        try
        {
            if (path.Length == 0)
            {
                throw Problem("the file name is empty");
            }

            if (Directory.Exists(path))
            {
                throw Problem($"'{UserText.Shorten(path)}' is a folder, not an observed-data file");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw Problem(MissingFile.NotFound(path));
            }

            if (info.Length > MaxFileBytes)
            {
                throw Problem($"the file is larger than {MaxFileBytes / (1024 * 1024)} MiB; observed data are a few hundred lines: is it the right file?");
            }

            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(System.IO.File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw Problem("the file is not UTF-8 text (save it as UTF-8, as spreadsheets offer under 'CSV UTF-8')");
        }
        catch (DirectoryNotFoundException)
        {
            throw Problem(MissingFile.NotFound(path));
        }
        catch (UnauthorizedAccessException)
        {
            throw Problem("permission denied: cannot read the file");
        }
        catch (IOException e)
        {
            throw Problem($"cannot read the file: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Problem("not a valid file name");
        }
    }
}
