using System.Globalization;
using IsdnSim.Analysis.Storage;
using IsdnSim.Grains.Hosting;
using IsdnSim.Presentation.Output;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// The command line's side of the fault model (docs/operations.md): bad cluster addresses and
/// output folders are refused before anything runs, and an interrupted run leaves a folder that
/// says exactly what it holds and how to make it again. The cluster failures themselves are
/// tried on real processes by .ci/cluster-faults.
/// </summary>
public sealed class FaultCliTests : CliTest
{

    [Theory]
    [InlineData("foo:bar:baz")]
    [InlineData("localhost:99999")]
    [InlineData("")]
    [InlineData("password=secret")]
    public async Task AMalformedClusterAddress_IsBadInput(string address)
    {
        var exit = await Isdnsim(["run", Repository.Scenario("mmc.yaml"), "--cluster", address, "--out", Dir.File("never")]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("--cluster: expected the Redis that holds the cluster's membership as HOST:PORT").And.NotContain("secret");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public void ARedisPassword_IsNeverShown()
    {
        RedisAddress.Display("redis-a:6379,redis-b:6380,password=hunter2,ssl=true").Should().Be("redis-a:6379,redis-b:6380");
    }

    [Fact]
    public async Task AnOutputFolderThatCannotBeWritten_IsRefusedBeforeSimulating()
    {
        // /proc takes no new files, even for root (a read-only folder would not stop root).
        var exit = await Isdnsim(["run", Repository.Scenario("mmc.yaml"), "--engine", "inprocess", "--out", "/proc/isdnsim-results"]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("cannot write the output folder '/proc/isdnsim-results'");
        Out.ToString().Should().NotContain("Simulating").And.NotContain("Results in");
    }

    [Fact]
    public async Task AnOutputPathThroughAFile_IsRefusedBeforeSimulating()
    {
        await File.WriteAllTextAsync(Dir.File("plain"), "not a folder");

        var exit = await Isdnsim(["compare", Repository.Scenario("teaching.yaml"), "--engine", "inprocess", "--replications", "2", "--out", Dir.File("plain/results")]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain($"'{Dir.File("plain")}' is a file");
    }

    [Fact]
    public void StagingFoldersOfKilledRuns_AreRemoved_ThoseOfLiveRunsKept()
    {
        var parent = Dir.Path;
        var dead = Path.Combine(parent, ".out.partial-999999999-0123456789abcdef0123456789abcdef");
        var legacy = Path.Combine(parent, ".out.partial-0123456789abcdef0123456789abcdef");
        var live = Path.Combine(parent, $".out.partial-{Environment.ProcessId}-fedcba9876543210fedcba9876543210");
        var other = Path.Combine(parent, ".other.partial-999999999-0123456789abcdef0123456789abcdef");
        foreach (var folder in new[] { dead, legacy, live, other })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "projects.csv"), "half");
        }

        var removed = AtomicOutput.RemoveStale(parent, "out");

        removed.Should().Be(2);
        Directory.Exists(dead).Should().BeFalse("its process (pid 999999999) is gone");
        Directory.Exists(legacy).Should().BeFalse("a staging folder without a process id is from an older version, long dead");
        Directory.Exists(live).Should().BeTrue("this process is still writing it");
        Directory.Exists(other).Should().BeTrue("it belongs to another output folder");
    }

    [Fact]
    public async Task AnInterruptedRun_WritesAPrefixOfReplications_AndTheCommandThatReproducesIt()
    {
        var scenario = Repository.Scenario("rural-district.yaml");

        // Interrupted after 1.5 s; on a machine so busy that no replication has finished by then
        // (the run writes nothing, as another test asserts), again after twice as long.
        var cut = "";
        for (var wait = 1.5; !File.Exists(Path.Combine(cut, "manifest.json")); wait *= 2)
        {
            wait.Should().BeLessThan(50, "some replication finishes within 24 s");
            cut = Dir.File($"cut-{wait}");
            using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(wait));
            var exit = await Isdnsim(["run", scenario, "--engine", "inprocess", "--horizon", "365d", "--replications", "10000", "--parallel", "2", "--no-progress", "--out", cut], interrupt.Token);
            exit.Should().Be(ExitCodes.Interrupted, Err.ToString());
        }

        var manifest = RunManifestFile.Read(Path.Combine(cut, "manifest.json"));
        var kept = manifest.Replications;
        kept.Should().BeInRange(1, 9999);
        (manifest.ReplicationsRequested, manifest.StoppedBy).Should().Be((10000, "interrupted"));
        manifest.Reproduce.Should().Be($"isdnsim run {scenario} --seed 42 --replications {kept} --horizon 365d");
        Err.ToString().Should().Contain($"replications 0 to {kept - 1} of 10000 finished");

        var again = await Isdnsim(["run", scenario, "--engine", "inprocess", "--seed", "42", "--replications", kept.ToString(CultureInfo.InvariantCulture), "--horizon", "365d", "--no-progress", "--out", Dir.File("again")]);

        again.Should().Be(ExitCodes.Ok, Err.ToString());
        foreach (var file in new[] { "summary.json", "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv" })
        {
            File.ReadAllBytes(Dir.File("again/" + file)).Should().Equal(File.ReadAllBytes(Path.Combine(cut, file)), $"{file} of the interrupted run is what its manifest's command gives");
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("sweep")]
    [InlineData("bench")]
    public async Task EveryCommandThatSimulates_StopsOnAnInterruption_WithExit130AndNoStackTrace(string command)
    {
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();
        string[] args = command switch
        {
            "compare" => ["compare", Repository.Scenario("teaching.yaml"), "--replications", "2", "--out", Dir.File("out")],
            "sweep" => ["sweep", Repository.Scenario("mmc.yaml"), "--set", "agents.town.agencies.desk.staff=3,4", "--replications", "2", "--out", Dir.File("out")],
            _ => [command, Repository.Scenario("mmc.yaml")],
        };

        var exit = await Isdnsim([.. args, "--engine", "inprocess", .. command == "run" ? new[] { "--out", Dir.File("out") } : []], interrupted.Token);

        exit.Should().Be(ExitCodes.Interrupted, Err.ToString());
        Err.ToString().Should().Contain("interrupted").And.NotContain("   at ").And.NotContain("A task was canceled");
    }
}
