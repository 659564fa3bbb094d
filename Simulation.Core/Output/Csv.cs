using System.Globalization;
using System.Text;

namespace IsdnSim.Core.Output;

/// <summary>RFC 4180 CSV with invariant numbers, written with '\n' line ends on every platform.</summary>
internal sealed class Csv(TextWriter writer)
{
    private readonly List<string> _row = [];

    public static StreamWriter Open(string path) => new(path, false, new UTF8Encoding(false)) { NewLine = "\n" };

    public Csv Add(string value)
    {
        _row.Add(value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value);
        return this;
    }

    public Csv Add(long value) => Add(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Shortest text that reads back to the same double; empty for an undefined value.</summary>
    public Csv Add(double value) => Add(double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "");

    public void EndRow()
    {
        writer.Write(string.Join(',', _row));
        writer.Write('\n');
        _row.Clear();
    }

    public void Header(params string[] names)
    {
        foreach (var n in names)
        {
            Add(n);
        }

        EndRow();
    }
}
