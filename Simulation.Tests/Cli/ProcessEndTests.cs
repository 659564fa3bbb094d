using System.Reflection;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// The command line as a process of its own (the build these tests run against, started with
/// <c>dotnet isdnsim.dll</c>): the process ends when the command returns, so its embedded silo is
/// left to end with it instead of being stopped (EngineHost.ProcessEndsWithCommand), and what the
/// run writes does not depend on that. Commands called inside the test process, as in every other
/// CLI test, stop their silo as before (not observable from here).
/// </summary>
public sealed class ProcessEndTests : CliTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly string[] Run =
        ["run", Path.Combine(Repository.Root, "scenarios", "mmc.yaml"), "--replications", "2", "--horizon", "30d", "--no-progress", "--out"];

    [Fact]
    public void TheProcess_EndsWithItsEmbeddedSilo_NotStopped()
    {
        var (exit, errors) = IsdnsimProcess([.. Run, Dir.File("process")]);

        exit.Should().Be(0, errors);
        // ISDNSIM_TIMINGS=1's phase lines: simulated, written, done, and no stop of the host anywhere.
        errors.Should().Contain("isdnsim: timing: simulated at").And.Contain("isdnsim: timing: results written at")
            .And.Contain("isdnsim: timing: command done at");
        errors.Should().NotContain("stopping the host", "the process ends with its silo");
    }

    [Fact]
    public async Task TheProcess_WritesTheFilesOfTheSameRunCalledInsideAnotherProcess()
    {
        IsdnsimProcess([.. Run, Dir.File("process")]).Exit.Should().Be(0);
        (await Isdnsim([.. Run, Dir.File("in-test")])).Should().Be(0, Err.ToString());

        foreach (var file in new[] { "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv" })
        {
            File.ReadAllBytes(Dir.File(Path.Combine("process", file))).Should().Equal(File.ReadAllBytes(Dir.File(Path.Combine("in-test", file))), file);
        }

        File.Exists(Dir.File(Path.Combine("process", "summary.json"))).Should().BeTrue();
    }

    /// <summary>
    /// Runs the built command line in a process of its own with ISDNSIM_TIMINGS=1, on the dotnet
    /// host the tests run on (DOTNET_HOST_PATH, as the bench suite's processes): its exit code and
    /// standard error.
    /// </summary>
    private static (int Exit, string Errors) IsdnsimProcess(string[] args)
    {
        var configuration = typeof(ProcessEndTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(Repository.Root, "Simulation.Runner", "bin", configuration, "net10.0", "isdnsim.dll");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var (exit, _, errors) = ChildProcess.Run(host, [dll, .. args], Patience, environment: new Dictionary<string, string> { ["ISDNSIM_TIMINGS"] = "1" });
        return (exit, errors);
    }
}
