namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// BENCHMARKS.md's head: the block between <see cref="Begin"/> and <see cref="End"/> is the suite's
/// and is replaced in place by each written run; everything else in the file is kept as it is.
/// </summary>
public static class BenchmarksDocument
{
    public const string Begin = "<!-- suite:begin -->";
    public const string End = "<!-- suite:end -->";

    /// <summary>
    /// <paramref name="document"/> with its suite block replaced by <paramref name="block"/> (the
    /// markers kept). Without markers the block goes after the first line (the title) and a blank
    /// line; markers out of order or twice are an error rather than a guess.
    /// </summary>
    public static string ReplaceBlock(string document, string block)
    {
        var body = block.EndsWith('\n') ? block : block + "\n";
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 && end < 0)
        {
            var firstLine = document.IndexOf('\n');
            var (title, rest) = firstLine < 0 ? (document + "\n", "") : (document[..(firstLine + 1)], document[(firstLine + 1)..]);
            return $"{title}\n{Begin}\n{body}{End}\n{(rest.StartsWith('\n') ? rest : "\n" + rest)}";
        }

        if (begin < 0 || end < begin
            || document.IndexOf(Begin, begin + Begin.Length, StringComparison.Ordinal) >= 0
            || document.IndexOf(End, end + End.Length, StringComparison.Ordinal) >= 0)
        {
            throw new FormatException($"BENCHMARKS.md must hold '{Begin}' once, before '{End}' once");
        }

        return $"{document[..(begin + Begin.Length)]}\n{body}{document[end..]}";
    }
}
