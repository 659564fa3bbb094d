using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Experiments;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>isdnsim compare and sweep, run in-process with captured output.</summary>
public sealed class ExperimentCliTests : CliTest
{
    private readonly string _scenario;

    public ExperimentCliTests()
    {
        _scenario = Dir.File("desk.yaml");
        File.WriteAllText(_scenario, Queues.Desk(staff: 3, rate: 2.4, horizon: "400d", replications: 4));
    }

    /// <summary>The terminal output with line breaks and runs of spaces as one space: tables wrap at 80 columns here.</summary>
    [Fact]
    public async Task Compare_WritesTheExperimentFolder_AndPrintsEachDifference()
    {
        var exit = await Isdnsim("compare", _scenario, "--variants", "as-is,one-more,one-less", "--engine", "inprocess", "--out", Dir.File("cmp"), "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Directory.GetFiles(Dir.File("cmp")).Select(Path.GetFileName).Should().BeEquivalentTo(
            "experiment.json", "scenario.yaml", "comparison.csv", "replications.csv", "agencies.csv", "agencies_by_year.csv",
            "lead_times.csv", "deadlines.csv", "report.html", "manifest.json", "README.txt", "datapackage.json");
        Directory.GetFiles(Dir.File("cmp/replications"), "*.json", SearchOption.AllDirectories).Should().HaveCount(12);
        File.ReadAllText(Dir.File("cmp/scenario.yaml")).Should().Be(File.ReadAllText(_scenario));
        Output.Should().Contain("Variants against as is, 4 replications each").And.Contain("at 97.5 % each");
        File.ReadAllText(Dir.File("cmp/manifest.json")).Should().Contain("\"engine\": \"inprocess\"").And.Contain("\"computed_this_run\": 12");
    }

    [Fact]
    public async Task Compare_Resume_ComputesOnlyWhatIsMissing_AndEndsWithTheSameFiles()
    {
        await Isdnsim("compare", _scenario, "--variants", "as-is,one-more", "--engine", "inprocess", "--out", Dir.File("a"), "--no-progress");
        CopyDirectory(Dir.File("a"), Dir.File("b"));
        foreach (var f in Directory.GetFiles(Dir.File("b")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            File.Delete(f);
        }

        File.Delete(Dir.File("b/manifest.json"));
        File.Delete(Dir.File("b/replications/one-more/00002.json"));
        File.Delete(Dir.File("b/replications/as-is/00003.json"));

        var exit = await Isdnsim("compare", "--resume", Dir.File("b"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("6 replications already there");
        File.ReadAllText(Dir.File("b/manifest.json")).Should().Contain("\"computed_this_run\": 2").And.Contain("\"resumed_from_store\": 6");
        Experiments.Experiments.Files(Dir.File("b")).Should().BeEquivalentTo(Experiments.Experiments.Files(Dir.File("a")));
    }

    [Fact]
    public async Task Compare_Resume_WithAReplicationEditedByHand_WarnsOnce_AndEndsWithTheSameFiles()
    {
        await Isdnsim("compare", _scenario, "--variants", "as-is,one-more", "--engine", "inprocess", "--out", Dir.File("a"), "--no-progress");
        CopyDirectory(Dir.File("a"), Dir.File("b"));
        var file = Dir.File("b/replications/as-is/00002.json");
        Experiments.Experiments.Edit(file, text =>
        {
            var node = SealedJson.Parse(text)!;
            var metrics = node["digest"]!["metrics"]!.AsArray();
            metrics[0] = metrics[0]!.GetValue<double>() * 10;
            return node.ToJsonString();
        });

        var exit = await Isdnsim("compare", "--resume", Dir.File("b"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("warning")).Should().Equal(
            $"isdnsim: warning: {file}: its checksum does not match its content (edited by hand?); set aside as 00002.json.rejected, the replication is computed again");
        Output.Should().Contain("7 replications already there");
        Experiments.Experiments.Files(Dir.File("b")).Where(f => !f.Key.EndsWith(".rejected", StringComparison.Ordinal))
            .Should().BeEquivalentTo(Experiments.Experiments.Files(Dir.File("a")));
    }

    [Fact]
    public async Task Compare_Resume_WithTheSeedEditedInThePlan_ExitsWith2_SayingItWouldMixTwoExperiments()
    {
        await Isdnsim("compare", _scenario, "--variants", "as-is,one-more", "--seed", "7", "--engine", "inprocess", "--out", Dir.File("a"), "--no-progress");
        var plan = Dir.File("a/experiment.json");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"seed\": 7,", "\"seed\": 8,", StringComparison.Ordinal));

        var exit = await Isdnsim("compare", "--resume", Dir.File("a"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain($"isdnsim: error: --resume: {plan} was edited since the experiment started (its checksum does not match its content).")
            .And.Contain("would mix replications of two experiments: start a new experiment instead");
        Directory.GetFiles(Dir.File("a/replications"), "*.rejected", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Theory]
    [InlineData(new[] { "--variants", "as-is,one-mor" }, "no variant 'one-mor'", "did you mean 'one-more'?")]
    [InlineData(new[] { "--variants", "as-is" }, "a comparison needs at least two variants", "as-is")]
    [InlineData(new[] { "--variants", "as-is,one-more", "--baseline", "one-less" }, "--baseline: 'one-less' is not one of the compared variants", "")]
    [InlineData(new[] { "--precision", "5" }, "--precision must be a share between 0 and 1", "")]
    [InlineData(new[] { "--max-replications", "10" }, "--max-replications goes with --precision", "")]
    [InlineData(new[] { "--warmup", "500d" }, "warmup (500 days) must be shorter than the horizon (400 days)", "")]
    public async Task Compare_WithBadOptions_ExitsWith2_AndWritesNothing(string[] options, string message, string more)
    {
        var exit = await Isdnsim(["compare", _scenario, "--engine", "inprocess", "--out", Dir.File("never"), .. options]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message).And.Contain(more.Length > 0 ? more : message);
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Resume_WithPlanOptions_OrOfTheWrongKind_OrOfNoExperiment_ExitsWith2()
    {
        await Isdnsim("sweep", _scenario, "--set", "agents.town.agencies.desk.staff=3,4", "--replications", "1", "--engine", "inprocess", "--out", Dir.File("sw"), "--no-progress");

        (await Isdnsim("compare", _scenario, "--resume", Dir.File("sw"))).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("--resume continues the experiment as it was planned; do not give FILE");
        (await Isdnsim("compare", "--resume", Dir.File("sw"))).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("holds a sweep, not a compare; resume it with 'isdnsim sweep --resume");
        (await Isdnsim("sweep", "--resume", Dir.Path)).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("is not an experiment folder");
    }

    [Fact]
    public async Task Compare_InterruptedWhileTheSiloStarts_LeavesAFolderToResume()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await Isdnsim(["compare", _scenario, "--variants", "as-is,one-more", "--out", Dir.File("early"), "--no-progress"], cancelled.Token);

        exit.Should().Be(ExitCodes.Interrupted, Err.ToString());
        Err.ToString().Should().Contain("0 replications are stored").And.Contain($"Continue with: isdnsim compare --resume {Dir.File("early")}");
        (await Isdnsim("compare", "--resume", Dir.File("early"), "--engine", "inprocess", "--no-progress")).Should().Be(ExitCodes.Ok, Err.ToString());
        File.Exists(Dir.File("early/report.html")).Should().BeTrue();
    }

    [Fact]
    public async Task Run_InterruptedWhileTheSiloStarts_ExitsWith130_AndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await Isdnsim(["run", _scenario, "--out", Dir.File("never"), "--no-progress"], cancelled.Token);

        exit.Should().Be(ExitCodes.Interrupted, Err.ToString());
        Err.ToString().Should().Contain("interrupted while the engine started; nothing was run or written");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Sweep_WritesATidyTableOfRuns()
    {
        var exit = await Isdnsim("sweep", _scenario, "--set", "agents.town.agencies.desk.staff=3..5:1", "--replications", "2", "--engine", "inprocess", "--out", Dir.File("sw"), "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        File.ReadLines(Dir.File("sw/runs.csv")).First().Should().Be("point,agents.town.agencies.desk.staff,replication,metric,value");
        var runs = ExperimentOutput.Runs(["point", "agents.town.agencies.desk.staff"]).Read(Dir.File("sw/runs.csv"));
        runs.Select(r => $"{r["point"]},{r["agents.town.agencies.desk.staff"]},{r.Long("replication")}").Distinct()
            .Should().Equal("p0,3,0", "p0,3,1", "p1,4,0", "p1,4,1", "p2,5,0", "p2,5,1");
        Output.Should().Contain("3 points (3 agents.town.agencies.desk.staff)");
    }

    [Fact]
    public async Task SweepOfVariants_WritesEachPointsDifferences_AndAResumableFolder()
    {
        string[] args = ["sweep", _scenario, "--set", "demand.0.rate=2/day..2.4/day:0.4/day", "--variants", "as-is,one-more", "--replications", "2", "--engine", "inprocess", "--no-progress"];

        var exit = await Isdnsim([.. args, "--out", Dir.File("sw")]);
        var resumed = await Isdnsim("sweep", "--resume", Dir.File("sw"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        resumed.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("2 points (2 demand.0.rate), 2 variants at each (as is, one more; baseline as is)").And.Contain("Sweep: differences to as is at each point")
            .And.Contain("Resuming").And.Contain("8 replications already there");
        var differences = ExperimentOutput.PointDifferences(["demand.0.rate"]).Read(Dir.File("sw/differences.csv"));
        differences.Select(r => $"{r["point"]},{r["demand.0.rate"]},{r["variant"]},{r["baseline"]}").Distinct().Should().Equal("p0,2/day,one-more,as-is", "p1,2.4/day,one-more,as-is");
        Directory.GetDirectories(Dir.File("sw/replications")).Select(Path.GetFileName).Should().BeEquivalentTo("p0.as-is", "p0.one-more", "p1.as-is", "p1.one-more");
        File.ReadAllText(Dir.File("sw/report.html")).Should().Contain("Differences to as-is at each point");
    }

    [Theory]
    [InlineData("agents.town.agencies.desc.staff=3,4", "no item 'desc' in the list at agents.town.agencies; did you mean 'desk'?")]
    [InlineData("agents.town.agencies.desk.staff=3..1:1", "TO must not be smaller than FROM")]
    public async Task Sweep_WithABadSet_ExitsWith2_AndWritesNothing(string set, string message)
    {
        var exit = await Isdnsim("sweep", _scenario, "--set", set, "--engine", "inprocess", "--out", Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message);
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Sweep_APointThatIsNotAValidScenario_IsReportedInTheFile_WithItsValues()
    {
        var exit = await Isdnsim("sweep", _scenario, "--set", "agents.town.agencies.desk.staff=1,0", "--engine", "inprocess", "--out", Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain($"{_scenario}:9:").And.Contain("found '0'").And.Contain("(with --set agents.town.agencies.desk.staff=0)");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
