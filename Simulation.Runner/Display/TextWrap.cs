namespace IsdnSim.Runner.Display;

/// <summary>
/// Breaking text into lines at word boundaries for the terminal. A figure stays whole: the text
/// breaks before a "±" but never after it, and never before a unit ("%", "pp"), so "90.0 % ± 9.0 pp"
/// becomes at most "90.0 %" and "± 9.0 pp". A word longer than the line is the only thing ever split.
/// </summary>
public static class TextWrap
{
    private static readonly HashSet<string> Units = ["%", "pp", "d", "km"];

    /// <summary>The pieces the text may break between (words, with a "±" and a unit glued to their number).</summary>
    public static IReadOnlyList<string> Chunks(string text)
    {
        var chunks = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var glued = chunks.Count > 0 && (Units.Contains(words[i]) || chunks[^1].EndsWith('±'));
            if (glued)
            {
                chunks[^1] += " " + words[i];
            }
            else
            {
                chunks.Add(words[i]);
            }
        }

        return chunks;
    }

    /// <summary>The widest piece of <paramref name="text"/> (each of its lines): narrower than this, a word would be split.</summary>
    public static int Narrowest(string text) =>
        text.Split('\n').SelectMany(Chunks).Select(c => c.Length).DefaultIfEmpty(0).Max();

    /// <summary>The longest line of <paramref name="text"/>.</summary>
    public static int Widest(string text) => text.Split('\n').Max(l => l.Length);

    /// <summary>The text in lines of at most <paramref name="width"/> characters, broken between chunks.</summary>
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var chunk in Chunks(paragraph))
            {
                if (line.Length == 0)
                {
                    line = chunk;
                }
                else if (line.Length + 1 + chunk.Length <= width)
                {
                    line += " " + chunk;
                }
                else
                {
                    lines.Add(line);
                    line = chunk;
                }

                // Only a word wider than the whole line is cut, at the width.
                while (line.Length > width && width > 0)
                {
                    lines.Add(line[..width]);
                    line = line[width..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary><paramref name="text"/> on one line of at most <paramref name="width"/> characters, ending in "…" if it was cut.</summary>
    public static string Cut(string text, int width) =>
        text.Length <= width ? text : width <= 1 ? text[..Math.Max(0, width)] : text[..(width - 1)].TrimEnd() + "…";
}
