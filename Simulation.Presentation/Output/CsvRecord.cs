using System.Globalization;

namespace IsdnSim.Presentation.Output;

/// <summary>One row of a result file read back through its <see cref="CsvTable{TRow}"/>: the fields by header, parsed as they were written.</summary>
internal sealed class CsvRecord(IReadOnlyDictionary<string, int> columns, string[] fields)
{
    /// <summary>The field as written; a column the table does not describe is an error, not an empty field.</summary>
    public string this[string header] => columns.TryGetValue(header, out var i)
        ? fields[i]
        : throw new KeyNotFoundException($"the table has no column '{header}'");

    public long Long(string header) => long.Parse(this[header], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The number, or NaN for an empty field (how an undefined value is written).</summary>
    public double Double(string header) => this[header] is { Length: > 0 } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;

    public DateOnly Date(string header) => DateOnly.ParseExact(this[header], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
