using System.Globalization;
using System.Text;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// RFC 4180 CSV with invariant numbers and '\n' line ends on every platform. Fields go straight
/// to the writer (no per-row strings): result files can have millions of rows.
/// </summary>
internal sealed class Csv(TextWriter writer)
{
    private bool _rowStarted;

    public static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    public Csv Add(string value)
    {
        Separate();
        if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0)
        {
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\""));
            writer.Write('"');
        }
        else
        {
            writer.Write(value);
        }

        return this;
    }

    public Csv Add(long value)
    {
        Separate();
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..n]);
        return this;
    }

    /// <summary>Shortest text that reads back to the same double; empty for an undefined value.</summary>
    public Csv Add(double value)
    {
        Separate();
        if (double.IsFinite(value))
        {
            Span<char> buffer = stackalloc char[32];
            value.TryFormat(buffer, out var n, "R", CultureInfo.InvariantCulture);
            writer.Write(buffer[..n]);
        }

        return this;
    }

    public Csv Add(DateOnly value)
    {
        Separate();
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.Write(buffer[..n]);
        return this;
    }

    public void EndRow()
    {
        writer.Write('\n');
        _rowStarted = false;
    }

    public void Header(params string[] names)
    {
        foreach (var n in names)
        {
            Add(n);
        }

        EndRow();
    }

    private void Separate()
    {
        if (_rowStarted)
        {
            writer.Write(',');
        }

        _rowStarted = true;
    }
}
