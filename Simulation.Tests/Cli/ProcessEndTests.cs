using System.Reflection;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// The command line as a process of its own (the build these tests run against, started with
/// <c>dotnet isdnsim.dll</c>): the process ends when the command returns, so its embedded silo is
/// left to end with it instead of being stopped (EngineHost.ProcessEndsWithCommand), and nothing the
/// run writes depends on that. Commands run inside the test process, as in every other CLI test,
/// stop their silo as before.
/// </summary>
public sealed class ProcessEndTests : CliTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ARunOnTheEmbeddedSilo_EndsWithItsProcess_WithoutStoppingTheSilo_AndWritesWhatARunThatStopsItWrites()
    {
        var scenario = Path.Combine(Repository.Root, "scenarios", "mmc.yaml");
        string[] run = ["run", scenario, "--replications", "2", "--horizon", "30d", "--no-progress", "--out"];

        var (exit, errors) = IsdnsimProcess([.. run, Dir.File("process")]);

        exit.Should().Be(0, errors);
        // The phase lines of ISDNSIM_TIMINGS=1 show where the run went: simulated, written, done, and no stop between.
        errors.Should().Contain("isdnsim: timing: simulated at").And.Contain("isdnsim: timing: results written at")
            .And.Contain("isdnsim: timing: command done at");
        errors.Should().NotContain("stopping the host", "the process ends with its silo");

        (await Isdnsim([.. run, Dir.File("in-test")])).Should().Be(0, Err.ToString());
        foreach (var file in new[] { "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv" })
        {
            File.ReadAllBytes(Dir.File(Path.Combine("process", file))).Should().Equal(File.ReadAllBytes(Dir.File(Path.Combine("in-test", file))), file);
        }

        File.Exists(Dir.File(Path.Combine("process", "summary.json"))).Should().BeTrue();
    }

    /// <summary>Runs the built command line in a process of its own with ISDNSIM_TIMINGS=1: its exit code and standard error.</summary>
    private static (int Exit, string Errors) IsdnsimProcess(string[] args)
    {
        var configuration = typeof(ProcessEndTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(Repository.Root, "Simulation.Runner", "bin", configuration, "net10.0", "isdnsim.dll");
        var (exit, _, errors) = ChildProcess.Run("dotnet", [dll, .. args], Patience, environment: new Dictionary<string, string> { ["ISDNSIM_TIMINGS"] = "1" });
        return (exit, errors);
    }
}
