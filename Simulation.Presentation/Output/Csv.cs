using System.Globalization;
using System.Text;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// RFC 4180 CSV with invariant numbers and '\n' line ends on every platform. Fields are formatted
/// into a buffer of the writer's own, handed to the <see cref="TextWriter"/> some 16,000 characters
/// at a time (no per-row strings, no per-field calls into the writer): result files can have
/// millions of rows. <see cref="Flush"/> hands over what is left; <see cref="CsvTable{TRow}"/>
/// calls it after the last row.
/// </summary>
internal sealed class Csv(TextWriter writer)
{
    // Room for the longest field formatted in place (a number: 32 characters) and its separator.
    private const int Reserve = 40;

    private readonly char[] _buffer = new char[1 << 14];
    private int _used;
    private bool _rowStarted;

    public static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    public Csv Add(string value) => Add(value.AsSpan());

    /// <summary>Text, in quotes (and its quotes doubled) where it holds a comma, a quote or a line break.</summary>
    public Csv Add(ReadOnlySpan<char> value)
    {
        Separate();
        if (value.IndexOfAny(",\"\n\r") < 0)
        {
            Append(value);
            return this;
        }

        Append("\"");
        for (int quote; (quote = value.IndexOf('"')) >= 0; value = value[(quote + 1)..])
        {
            Append(value[..(quote + 1)]);
            Append("\"");
        }

        Append(value);
        Append("\"");
        return this;
    }

    public Csv Add(long value)
    {
        Separate();
        value.TryFormat(Room(), out var n, default, CultureInfo.InvariantCulture);
        _used += n;
        return this;
    }

    /// <summary>
    /// Significant digits of a number in a result file: enough for any figure of a simulation (a
    /// lead time to a few seconds over centuries), few enough that the last bits of binary
    /// arithmetic do not show (0.1 + 0.2 is written 0.3, not 0.30000000000000004).
    /// </summary>
    public const int SignificantDigits = 12;

    private const string NumberFormat = "G12";

    /// <summary>
    /// The value rounded to <see cref="SignificantDigits"/> significant digits, in the shortest text
    /// that gives it (invariant culture, so the same bytes everywhere); empty for an undefined value.
    /// </summary>
    public Csv Add(double value)
    {
        Separate();
        var room = Room();
        _used += Format(value, room);
        return this;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="Add(double)"/> does into <paramref name="buffer"/>
    /// (32 characters suffice) and returns the length; 0 for an undefined value.
    /// </summary>
    internal static int Format(double value, Span<char> buffer)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        // A whole number below 10^12 in magnitude is written by G12 as its digits, which the integer
        // formatter writes several times faster: counts, zeros and whole days fill much of the
        // agencies' files. Negative zero is left to G12, which writes it "-0".
        if (Math.Abs(value) < 1e12 && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            ((long)value).TryFormat(buffer, out var digits, default, CultureInfo.InvariantCulture);
            return digits;
        }

        if (G12Fixed.TryFormat(value, buffer, out var written))
        {
            return written;
        }

        value.TryFormat(buffer, out var n, NumberFormat, CultureInfo.InvariantCulture);
        return n;
    }

    public Csv Add(DateOnly value)
    {
        Separate();

        // yyyy-MM-dd digit by digit: every row of agencies_by_year.csv has a date, and the culture-aware
        // formatter was a tenth of writing it. A DateOnly's year is 1 to 9999, which yyyy pads to four digits.
        var buffer = Room();
        Digits(buffer[..4], value.Year);
        buffer[4] = '-';
        Digits(buffer.Slice(5, 2), value.Month);
        buffer[7] = '-';
        Digits(buffer.Slice(8, 2), value.Day);
        _used += 10;
        return this;
    }

    private static void Digits(Span<char> field, int value)
    {
        for (var i = field.Length - 1; i >= 0; i--)
        {
            field[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public void EndRow()
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = '\n';
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

    /// <summary>Hands what is buffered to the writer (not flushing the writer itself).</summary>
    public void Flush()
    {
        writer.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>The rows of a file written by <see cref="Csv"/>, its header first, with quoted fields unquoted.</summary>
    public static IEnumerable<string[]> ReadRows(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append((char)c);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append((char)reader.Read());
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return [.. fields];
                fields.Clear();
                any = false;
            }
            else
            {
                field.Append((char)c);
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }

    private void Separate()
    {
        if (_rowStarted)
        {
            if (_used == _buffer.Length)
            {
                Flush();
            }

            _buffer[_used++] = ',';
        }

        _rowStarted = true;
    }

    /// <summary>The free end of the buffer, at least <see cref="Reserve"/> characters long.</summary>
    private Span<char> Room()
    {
        if (_buffer.Length - _used < Reserve)
        {
            Flush();
        }

        return _buffer.AsSpan(_used);
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_buffer.Length - _used < text.Length)
        {
            Flush();
            if (text.Length > _buffer.Length)
            {
                writer.Write(text);
                return;
            }
        }

        text.CopyTo(_buffer.AsSpan(_used));
        _used += text.Length;
    }
}
