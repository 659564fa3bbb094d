using System.Text;
using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Analysis.Validation;

/// <summary>
/// Splits CSV text (RFC 4180: fields separated by commas, a field in double quotes may hold
/// commas, line breaks and doubled quotes) into records, keeping where each field starts. Spaces
/// around an unquoted field are dropped; blank lines are skipped; line ends may be \n or \r\n.
/// </summary>
internal static class CsvRecords
{
    public sealed record Field(string Text, SourcePosition At);

    /// <summary>A record: the line it starts on, its fields, and where it ends (for "found the end of the line").</summary>
    public sealed record Record(int Line, IReadOnlyList<Field> Fields, SourcePosition End);

    public static IReadOnlyList<Record> Split(string text, Action<SourcePosition, string> problem)
    {
        var records = new List<Record>();
        var fields = new List<Field>();
        var field = new StringBuilder();
        var (line, column) = (1, 1);
        var recordLine = 1;
        var fieldAt = new SourcePosition(1, 1);
        var i = 0;

        void EndField(bool quoted)
        {
            fields.Add(new Field(quoted ? field.ToString() : field.ToString().Trim(), fieldAt));
            field.Clear();
        }

        void EndRecord()
        {
            var blank = fields.Count == 1 && fields[0].Text.Length == 0;
            if (!blank)
            {
                records.Add(new Record(recordLine, [.. fields], new SourcePosition(line, column)));
            }

            fields.Clear();
        }

        bool AtLineEnd() => i >= text.Length || text[i] is '\n' or '\r';

        void NextLine()
        {
            // At a line end: past \n, \r\n or \r.
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            i++;
            (line, column) = (line + 1, 1);
        }

        while (i <= text.Length)
        {
            // The start of a field.
            fieldAt = new SourcePosition(line, column);
            if (fields.Count == 0)
            {
                recordLine = line;
            }

            var start = i;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                (i, column) = (i + 1, column + 1);
            }

            if (i < text.Length && text[i] == '"')
            {
                fieldAt = new SourcePosition(line, column);
                var opened = fieldAt;
                (i, column) = (i + 1, column + 1);
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            (i, column) = (i + 2, column + 2);
                            continue;
                        }

                        (i, column) = (i + 1, column + 1);
                        closed = true;
                        break;
                    }

                    if (c is '\n' or '\r')
                    {
                        field.Append('\n');
                        NextLine();
                        continue;
                    }

                    field.Append(c);
                    (i, column) = (i + 1, column + 1);
                }

                if (!closed)
                {
                    problem(opened, "a quoted field is not closed: expected '\"' before the end of the file");
                    return records;
                }

                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    (i, column) = (i + 1, column + 1);
                }

                if (!AtLineEnd() && text[i] != ',')
                {
                    problem(new SourcePosition(line, column), $"expected ',' or the end of the line after the closing '\"', found '{text[i]}'");
                    while (!AtLineEnd())
                    {
                        (i, column) = (i + 1, column + 1);
                    }
                }

                EndField(quoted: true);
            }
            else
            {
                i = start;
                column = fieldAt.Column;
                while (!AtLineEnd() && text[i] != ',')
                {
                    field.Append(text[i]);
                    (i, column) = (i + 1, column + 1);
                }

                EndField(quoted: false);
            }

            if (i < text.Length && text[i] == ',')
            {
                (i, column) = (i + 1, column + 1);
                continue;
            }

            EndRecord();
            if (i >= text.Length)
            {
                break;
            }

            NextLine();
        }

        return records;
    }
}
