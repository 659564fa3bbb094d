using IsdnSim.Analysis.Experiments;
using IsdnSim.Runner;
using IsdnSim.Runner.Cli;
using IsdnSim.Tests.Experiments;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>isdnsim compare and sweep, run in-process with captured output.</summary>
public sealed class ExperimentCliTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private readonly string _scenario;

    public ExperimentCliTests()
    {
        _scenario = _dir.File("desk.yaml");
        File.WriteAllText(_scenario, Queues.Desk(staff: 3, rate: 2.4, horizon: "400d", replications: 4));
    }

    public void Dispose() => _dir.Dispose();

    private async Task<int> Isdnsim(params string[] args) => await IsdnSimApp.RunAsync(args, Consoles.Plain(_out, _err));

    /// <summary>The terminal output with line breaks and runs of spaces as one space: tables wrap at 80 columns here.</summary>
    private string Output => System.Text.RegularExpressions.Regex.Replace(_out.ToString(), @"\s+", " ");

    [Fact]
    public async Task Compare_WritesTheExperimentFolder_AndPrintsEachDifference()
    {
        var exit = await Isdnsim("compare", _scenario, "--variants", "as-is,one-more,one-less", "--engine", "inprocess", "--out", _dir.File("cmp"), "--no-progress");

        exit.Should().Be(ExitCodes.Ok, _err.ToString());
        Directory.GetFiles(_dir.File("cmp")).Select(Path.GetFileName).Should().BeEquivalentTo(
            "experiment.json", "scenario.yaml", "comparison.csv", "replications.csv", "agencies.csv", "agencies_by_year.csv",
            "lead_times.csv", "deadlines.csv", "report.html", "manifest.json");
        Directory.GetFiles(_dir.File("cmp/replications"), "*.json", SearchOption.AllDirectories).Should().HaveCount(12);
        File.ReadAllText(_dir.File("cmp/scenario.yaml")).Should().Be(File.ReadAllText(_scenario));
        Output.Should().Contain("Variants against as-is, 4 replications each").And.Contain("at 97.5 % each");
        File.ReadAllText(_dir.File("cmp/manifest.json")).Should().Contain("\"engine\": \"inprocess\"").And.Contain("\"computed_this_run\": 12");
    }

    [Fact]
    public async Task Compare_Resume_ComputesOnlyWhatIsMissing_AndEndsWithTheSameFiles()
    {
        await Isdnsim("compare", _scenario, "--variants", "as-is,one-more", "--engine", "inprocess", "--out", _dir.File("a"), "--no-progress");
        CopyDirectory(_dir.File("a"), _dir.File("b"));
        foreach (var f in Directory.GetFiles(_dir.File("b")).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            File.Delete(f);
        }

        File.Delete(_dir.File("b/manifest.json"));
        File.Delete(_dir.File("b/replications/one-more/00002.json"));
        File.Delete(_dir.File("b/replications/as-is/00003.json"));

        var exit = await Isdnsim("compare", "--resume", _dir.File("b"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.Ok, _err.ToString());
        Output.Should().Contain("6 replications already there");
        File.ReadAllText(_dir.File("b/manifest.json")).Should().Contain("\"computed_this_run\": 2").And.Contain("\"resumed_from_store\": 6");
        Experiments.Experiments.Files(_dir.File("b")).Should().BeEquivalentTo(Experiments.Experiments.Files(_dir.File("a")));
    }

    [Fact]
    public async Task Compare_Resume_WithAReplicationEditedByHand_WarnsOnce_AndEndsWithTheSameFiles()
    {
        await Isdnsim("compare", _scenario, "--variants", "as-is,one-more", "--engine", "inprocess", "--out", _dir.File("a"), "--no-progress");
        CopyDirectory(_dir.File("a"), _dir.File("b"));
        var file = _dir.File("b/replications/as-is/00002.json");
        Experiments.Experiments.Edit(file, text =>
        {
            var node = SealedJson.Parse(text)!;
            var metrics = node["digest"]!["metrics"]!.AsArray();
            metrics[0] = metrics[0]!.GetValue<double>() * 10;
            return node.ToJsonString();
        });

        var exit = await Isdnsim("compare", "--resume", _dir.File("b"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.Ok, _err.ToString());
        _err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("warning")).Should().Equal(
            $"isdnsim: warning: {file}: its checksum does not match its content (edited by hand?); set aside as 00002.json.rejected, the replication is computed again");
        Output.Should().Contain("7 replications already there");
        Experiments.Experiments.Files(_dir.File("b")).Where(f => !f.Key.EndsWith(".rejected", StringComparison.Ordinal))
            .Should().BeEquivalentTo(Experiments.Experiments.Files(_dir.File("a")));
    }

    [Fact]
    public async Task Compare_Resume_WithTheSeedEditedInThePlan_ExitsWith2_SayingItWouldMixTwoExperiments()
    {
        await Isdnsim("compare", _scenario, "--variants", "as-is,one-more", "--seed", "7", "--engine", "inprocess", "--out", _dir.File("a"), "--no-progress");
        var plan = _dir.File("a/experiment.json");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"seed\": 7,", "\"seed\": 8,", StringComparison.Ordinal));

        var exit = await Isdnsim("compare", "--resume", _dir.File("a"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain($"isdnsim: error: --resume: {plan} was edited since the experiment started (its checksum does not match its content).")
            .And.Contain("would mix replications of two experiments: start a new experiment instead");
        Directory.GetFiles(_dir.File("a/replications"), "*.rejected", SearchOption.AllDirectories).Should().BeEmpty();
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
        var exit = await Isdnsim(["compare", _scenario, "--engine", "inprocess", "--out", _dir.File("never"), .. options]);

        exit.Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain(message).And.Contain(more.Length > 0 ? more : message);
        Directory.Exists(_dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Resume_WithPlanOptions_OrOfTheWrongKind_OrOfNoExperiment_ExitsWith2()
    {
        await Isdnsim("sweep", _scenario, "--set", "agents.town.agencies.desk.staff=3,4", "--replications", "1", "--engine", "inprocess", "--out", _dir.File("sw"), "--no-progress");

        (await Isdnsim("compare", _scenario, "--resume", _dir.File("sw"))).Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain("--resume continues the experiment as it was planned; do not give FILE");
        (await Isdnsim("compare", "--resume", _dir.File("sw"))).Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain("holds a sweep, not a compare; resume it with 'isdnsim sweep --resume");
        (await Isdnsim("sweep", "--resume", _dir.Path)).Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain("is not an experiment folder");
    }

    [Fact]
    public async Task Compare_InterruptedWhileTheSiloStarts_LeavesAFolderToResume()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await IsdnSimApp.RunAsync(["compare", _scenario, "--variants", "as-is,one-more", "--out", _dir.File("early"), "--no-progress"], Consoles.Plain(_out, _err), cancelled.Token);

        exit.Should().Be(ExitCodes.Interrupted, _err.ToString());
        _err.ToString().Should().Contain("0 replications are stored").And.Contain($"Continue with: isdnsim compare --resume {_dir.File("early")}");
        (await Isdnsim("compare", "--resume", _dir.File("early"), "--engine", "inprocess", "--no-progress")).Should().Be(ExitCodes.Ok, _err.ToString());
        File.Exists(_dir.File("early/report.html")).Should().BeTrue();
    }

    [Fact]
    public async Task Run_InterruptedWhileTheSiloStarts_ExitsWith130_AndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await IsdnSimApp.RunAsync(["run", _scenario, "--out", _dir.File("never"), "--no-progress"], Consoles.Plain(_out, _err), cancelled.Token);

        exit.Should().Be(ExitCodes.Interrupted, _err.ToString());
        _err.ToString().Should().Contain("interrupted while the engine started; nothing was run or written");
        Directory.Exists(_dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Sweep_WritesATidyTableOfRuns()
    {
        var exit = await Isdnsim("sweep", _scenario, "--set", "agents.town.agencies.desk.staff=3..5:1", "--replications", "2", "--engine", "inprocess", "--out", _dir.File("sw"), "--no-progress");

        exit.Should().Be(ExitCodes.Ok, _err.ToString());
        var runs = File.ReadAllLines(_dir.File("sw/runs.csv"));
        runs[0].Should().Be("point,agents.town.agencies.desk.staff,replication,metric,value");
        runs.Skip(1).Select(l => l.Split(',')[0..3]).Select(x => string.Join(",", x)).Distinct()
            .Should().Equal("p0,3,0", "p0,3,1", "p1,4,0", "p1,4,1", "p2,5,0", "p2,5,1");
        Output.Should().Contain("3 points (3 agents.town.agencies.desk.staff)");
    }

    [Theory]
    [InlineData("agents.town.agencies.desc.staff=3,4", "no item 'desc' in the list at agents.town.agencies; did you mean 'desk'?")]
    [InlineData("agents.town.agencies.desk.staff=3..1:1", "TO must not be smaller than FROM")]
    public async Task Sweep_WithABadSet_ExitsWith2_AndWritesNothing(string set, string message)
    {
        var exit = await Isdnsim("sweep", _scenario, "--set", set, "--engine", "inprocess", "--out", _dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain(message);
        Directory.Exists(_dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Sweep_APointThatIsNotAValidScenario_IsReportedInTheFile_WithItsValues()
    {
        var exit = await Isdnsim("sweep", _scenario, "--set", "agents.town.agencies.desk.staff=1,0", "--engine", "inprocess", "--out", _dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        _err.ToString().Should().Contain($"{_scenario}:9:").And.Contain("found '0'").And.Contain("(with --set agents.town.agencies.desk.staff=0)");
        Directory.Exists(_dir.File("never")).Should().BeFalse();
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
