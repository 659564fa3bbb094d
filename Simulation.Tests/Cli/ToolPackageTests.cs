using System.Reflection;
using IsdnSim.Runner.Cli;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// The runner packs as a .NET tool that installs without a network (README.md, Install) and runs
/// from any folder: what it needs beyond its arguments (the process library, the replay page's
/// script) travels inside it, not in the clone's scenarios/ folder. The package is the build these
/// tests run against (dotnet pack --no-build), installed into a scratch --tool-path, so nothing
/// outside the scratch folder changes.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ThePackage_InstallsOffline_AndTheToolRunsFromAnotherFolder()
    {
        File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Should().Contain(
            "dotnet pack Simulation.Runner -c Release -o artifacts && dotnet tool install --global --source artifacts IsdnSim", "this test does what README.md says, in a scratch folder");
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var project = Path.Combine(Repository.Root, "Simulation.Runner");
        File.Exists(Path.Combine(project, "bin", configuration, "net10.0", "isdnsim.dll")).Should().BeTrue("the tests build the runner they pack");

        Dotnet(Repository.Root, "pack", project, "-c", configuration, "--no-build", "-o", _dir.File("artifacts"), "--nologo", "-v", "q");
        // --source, not --add-source: with only the local folder, the install asks no server (README.md, Install).
        Dotnet(_dir.Path, "tool", "install", "--tool-path", _dir.File("tools"), "--source", _dir.File("artifacts"), "IsdnSim");

        var elsewhere = Directory.CreateDirectory(_dir.File("elsewhere")).FullName;
        Isdnsim(elsewhere, "--version").Should().Be((0, IsdnSimApp.Version + "\n"));
        Isdnsim(elsewhere, "generate", "--municipalities", "6", "--districts", "2", "--seed", "1", "--out", "region.yaml").Exit.Should().Be(0);
        Isdnsim(elsewhere, "run", "region.yaml", "--engine", "inprocess", "--replications", "1", "--horizon", "90d",
            "--trace", "region.jsonl", "--out", "results", "--no-progress").Exit.Should().Be(0);
        Isdnsim(elsewhere, "replay", "region.jsonl", "--html", "replay.html").Exit.Should().Be(0);

        File.Exists(Path.Combine(elsewhere, "results", "summary.json")).Should().BeTrue();
        var script = File.ReadAllText(Path.Combine(Repository.Root, "Simulation.Presentation", "Tracing", "Replay", "replay.js")).ReplaceLineEndings("\n");
        File.ReadAllText(Path.Combine(elsewhere, "replay.html")).Should().Contain(script, "the page's script is a resource inside the tool");
        var installed = Directory.GetFiles(_dir.File("tools"), "isdnsim.runtimeconfig.json", SearchOption.AllDirectories);
        installed.Should().ContainSingle();
        RuntimeSettingsTests.RuntimeKnobs(installed[0]).Should().BeEquivalentTo(RuntimeSettingsTests.Chosen, "the packed tool runs with the settings measured for the command");
        var bare = Isdnsim(elsewhere);
        bare.Exit.Should().Be(2);
        bare.Output.Should().StartWith("USAGE:");
    }

    private (int Exit, string Output) Isdnsim(string folder, params string[] args)
    {
        var tool = Path.Combine(_dir.File("tools"), OperatingSystem.IsWindows() ? "isdnsim.exe" : "isdnsim");
        return Run(tool, folder, args);
    }

    private static void Dotnet(string folder, params string[] args)
    {
        var (exit, output) = Run("dotnet", folder, args);
        exit.Should().Be(0, output);
    }

    private static (int Exit, string Output) Run(string program, string folder, string[] args)
    {
        var (exit, output, errors) = ChildProcess.Run(program, args, Patience, folder);
        return (exit, output + errors);
    }
}
