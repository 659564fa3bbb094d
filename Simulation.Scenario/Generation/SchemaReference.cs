namespace IsdnSim.Scenario.Generation;

/// <summary>
/// What the <c>$schema</c> line of a written scenario names, so that an editor finds the schema
/// from wherever the file is: the path of the schema relative to the file's folder. The schema is
/// looked for as <c>scenario.schema.json</c> or <c>scenarios/scenario.schema.json</c> in the
/// given folders and each folder above them (a clone of IsdnSim has it in <c>scenarios/</c>).
/// </summary>
public static class SchemaReference
{
    public const string FileName = "scenario.schema.json";

    /// <summary>The schema in the same folder as the scenario, as for the shipped scenarios.</summary>
    public const string Beside = FileName;

    /// <summary>
    /// The schema's path relative to <paramref name="folder"/> (with '/' between parts, as YAML
    /// tools expect), the first found from <paramref name="searchFrom"/>; null when none is found.
    /// </summary>
    public static string? From(string folder, IEnumerable<string> searchFrom)
    {
        var schema = searchFrom.Select(Find).FirstOrDefault(found => found is not null);
        return schema is null ? null : Path.GetRelativePath(Path.GetFullPath(folder), schema).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, FileName), Path.Combine(dir.FullName, "scenarios", FileName) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
