namespace IsdnSim.Tests.Support;

/// <summary>Finds files of the repository from the test binaries' folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    /// <summary>
    /// A shipped scenario's text without its <c>uncertain:</c> section (the file's last), for a test
    /// that edits the text: the ranges name values such an edit may remove, and a run never reads them.
    /// </summary>
    public static string ScenarioTextWithoutRanges(string name)
    {
        var text = File.ReadAllText(Scenario(name));
        var section = text.IndexOf("\nuncertain:\n", StringComparison.Ordinal);
        return section < 0 ? text : text[..(section + 1)];
    }

    public static string BadScenario(string name) => Path.Combine(Root, "Simulation.Tests", "BadScenarios", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IsdnSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("IsdnSim.sln not found above " + AppContext.BaseDirectory);
    }
}
