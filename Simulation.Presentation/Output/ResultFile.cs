namespace IsdnSim.Presentation.Output;

/// <summary>
/// A file (or folder, its name ending in '/') a result folder may hold, what it holds, and for a
/// CSV file its columns. A folder's <see cref="ResultGuide"/> describes the files it actually has.
/// </summary>
public sealed record ResultFile(string Name, string Description, IReadOnlyList<ResultColumn> Columns)
{
    public bool IsCsv => Name.EndsWith(".csv", StringComparison.Ordinal);

    public bool IsFolder => Name.EndsWith('/');

    /// <summary>The column <paramref name="header"/> is: an exact name first, then the longest pattern that fits; null if none describes it.</summary>
    public ResultColumn? Column(string header) =>
        Columns.FirstOrDefault(c => c.Prefix is null && c.Matches(header))
        ?? Columns.Where(c => c.Prefix is not null && c.Matches(header)).MaxBy(c => c.Prefix!.Length);
}
