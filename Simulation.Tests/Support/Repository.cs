namespace IsdnSim.Tests.Support;

/// <summary>Finds files of the repository from the test binaries' folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

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
