using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>The isdnsim command line, run in-process with captured output.</summary>
public sealed class CliTests : CliTest
{

    [Fact]
    public async Task Run_WritesTheResultFolderAndPrintsASummary()
    {
        var outDir = Dir.File("mmc");

        var exit = await Isdnsim("run", Repository.Scenario("mmc.yaml"), "--engine", "inprocess", "--horizon", "400d", "--replications", "3", "--out", outDir);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Directory.GetFiles(outDir).Select(Path.GetFileName).Should().BeEquivalentTo("summary.json", "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv", "manifest.json", "README.txt", "datapackage.json");
        Out.ToString().Should().Contain("Projects (mean ± 95 % CI half-width)").And.Contain("Busiest agencies").And.Contain("Results in");
        File.ReadAllText(Path.Combine(outDir, "manifest.json")).Should().Contain("\"engine\": \"inprocess\"").And.Contain("\"replications\": 3");
    }

    [Fact]
    public async Task Run_OnTheEmbeddedSilo_GivesTheSameFilesAsInProcess()
    {
        string[] common = ["--horizon", "365d", "--replications", "2", "--no-progress"];
        var exitA = await Isdnsim(["run", Repository.Scenario("rural-district.yaml"), "--engine", "inprocess", "--out", Dir.File("a"), .. common]);
        var exitB = await Isdnsim(["run", Repository.Scenario("rural-district.yaml"), "--out", Dir.File("b"), .. common]);

        (exitA, exitB).Should().Be((ExitCodes.Ok, ExitCodes.Ok), Err.ToString());
        foreach (var file in new[] { "summary.json", "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv" })
        {
            File.ReadAllBytes(Dir.File("b/" + file)).Should().Equal(File.ReadAllBytes(Dir.File("a/" + file)), file);
        }

        File.ReadAllText(Dir.File("b/manifest.json")).Should().Contain("\"engine\": \"orleans\"");
    }

    [Fact]
    public async Task Run_WithABadScenario_ExitsWith2_AndWritesNothing()
    {
        var bad = Repository.BadScenario("zero-staff.yaml");
        var outDir = Dir.File("never");

        var exit = await Isdnsim("run", bad, "--out", outDir);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain($"{bad}:14:16: error: ").And.Contain("nothing was run");
        Directory.Exists(outDir).Should().BeFalse();
        Directory.GetFileSystemEntries(Dir.Path).Should().BeEmpty("not even a staging folder is left behind");
    }

    [Theory]
    [InlineData("inprocess")]
    [InlineData("inprocess", "--trace", "run.jsonl")]
    [InlineData("orleans")]
    public async Task Run_StoppedByAVariantCheckedAlongside_ExitsWith2_WithTheFilesMessage_AndWritesNothing(string engine, params string[] more)
    {
        // The file and its status quo pass, so the run starts; its variant 'austerity' is checked while it runs.
        var bad = Repository.BadScenario("variant-names-merged-agent.yaml");
        var outDir = Dir.File("never");

        var exit = await Isdnsim(["run", bad, "--engine", engine, "--no-progress", "--out", outDir, .. more.Select(m => m.EndsWith(".jsonl") ? Dir.File(m) : m)]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be(
            $"{bad}:23:9: error: variant 'austerity': 'lk-a' is not an agent (any more: an earlier operation of this variant may have merged it)\n" +
            $"1 problem in {bad}; nothing was run.\n");
        Directory.GetFileSystemEntries(Dir.Path).Should().BeEmpty("neither the folder, nor a staging folder, nor the trace is left behind");
    }

    [Fact]
    public async Task Run_WithAProblemAfterReading_ReportsABrokenVariantCheckedAlongsideInstead()
    {
        // --out names a folder that cannot be written; the broken variant is reported, as when every variant was checked first.
        var bad = Repository.BadScenario("variant-names-merged-agent.yaml");
        var taken = Dir.File("taken");
        Directory.CreateDirectory(taken);
        File.WriteAllText(Path.Combine(taken, "summary.json"), "earlier results");

        var exit = await Isdnsim("run", bad, "--engine", "inprocess", "--out", taken);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be(
            $"{bad}:23:9: error: variant 'austerity': 'lk-a' is not an agent (any more: an earlier operation of this variant may have merged it)\n" +
            $"1 problem in {bad}; nothing was run.\n");
    }

    [Fact]
    public async Task Run_IntoAFolderWithResults_ExitsWith2_AndLeavesThemAlone()
    {
        var outDir = Dir.File("earlier");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "summary.json"), "earlier results");

        var exit = await Isdnsim("run", Repository.Scenario("mmc.yaml"), "--engine", "inprocess", "--out", outDir);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("already exists and is not empty");
        File.ReadAllText(Path.Combine(outDir, "summary.json")).Should().Be("earlier results");
    }

    [Theory]
    [InlineData("--engine", "orleanz", "--engine must be 'orleans' or 'inprocess', found 'orleanz'; did you mean 'orleans'?")]
    [InlineData("--replications", "0", "--replications must be between 1 and 10,000")]
    [InlineData("--horizon", "forever", "--horizon: expected a duration")]
    [InlineData("--horizon", "3000000d", "--horizon: horizon '3000000d' is 3,000,000 days; the limit is 1,000,000 days")]
    [InlineData("--output", "x", "Unknown option 'output'. Did you mean '--out'?")]
    [InlineData("--warmup", "30000d", "--warmup: warmup (30000 days) must be shorter than the horizon (20000 days)")]
    [InlineData("--warmup", "-5d", "--warmup: warmup must not be negative")]
    public async Task Run_WithBadOptions_ExitsWith2(string option, string value, string message)
    {
        var exit = await Isdnsim("run", Repository.Scenario("mmc.yaml"), option, value, "--out", Dir.File("x"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message);
        Directory.Exists(Dir.File("x")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_WithTrace_WritesTheTrace_AndSaysHowToReplayIt()
    {
        var exit = await Isdnsim("run", Repository.Scenario("rural-district.yaml"), "--horizon", "90d", "--replications", "2", "--trace", Dir.File("run.jsonl.gz"),
            "--trace-replication", "1", "--engine", "inprocess", "--out", Dir.File("out"), "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var trace = IsdnSim.Presentation.Tracing.TraceReader.Read(Dir.File("run.jsonl.gz"));
        trace.Should().BeEquivalentTo(new { Complete = true, Info = new { Replication = 1, Scenario = "Rural district (Landkreis Havelheide)" } }, o => o.ExcludingMissingMembers());
        Out.ToString().Should().Contain("replay it with: isdnsim replay");
    }

    [Theory]
    [InlineData(new[] { "--trace", "x.json" }, "--trace: the file must end in .jsonl or .jsonl.gz")]
    [InlineData(new[] { "--trace-limit", "5MB" }, "--trace-replication and --trace-limit go with --trace PATH")]
    [InlineData(new[] { "--trace", "t.jsonl", "--trace-limit", "lots" }, "--trace-limit: expected a size such as 500MB or 2GB")]
    [InlineData(new[] { "--trace", "t.jsonl", "--trace-replication", "7" }, "--trace-replication must be between 0 and 4 (the run has 5 replications), found 7")]
    [InlineData(new[] { "--trace", "/no/such/folder/t.jsonl" }, "--trace: the folder '/no/such/folder' does not exist")]
    public async Task Run_WithABadTrace_ExitsWith2_AndWritesNothing(string[] options, string message)
    {
        var exit = await Isdnsim(["run", Repository.Scenario("rural-district.yaml"), "--out", Dir.File("never"), .. options]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message);
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_WhoseTraceReachesItsLimit_StopsWithExit1_AndNoResults()
    {
        var exit = await Isdnsim("run", Repository.Scenario("rural-district.yaml"), "--horizon", "1y", "--replications", "1", "--trace", Dir.File("big.jsonl"),
            "--trace-limit", "0.2MB", "--engine", "inprocess", "--out", Dir.File("never"), "--no-progress");

        exit.Should().Be(ExitCodes.Failure);
        Err.ToString().Should().Contain("the trace reached its limit of 204.8 KiB").And.Contain("No results were written");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
        IsdnSim.Presentation.Tracing.TraceReader.Read(Dir.File("big.jsonl")).Complete.Should().BeFalse();
    }

    [Fact]
    public async Task Run_OfAMissingFile_ExitsWith2()
    {
        var exit = await Isdnsim("run", Dir.File("nowhere.yaml"), "--engine", "inprocess");

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"{Dir.File("nowhere.yaml")}: error: file not found\n1 problem in {Dir.File("nowhere.yaml")}; nothing was run.\n");
    }

    [Fact]
    public async Task Validate_OfAFolder_SaysItIsAFolder_AndExitsWith2()
    {
        var exit = await Isdnsim("validate", Dir.Path);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().StartWith($"{Dir.Path}: error: '{Dir.Path}' is a folder, not a scenario file\n");
    }

    [Fact]
    public async Task Validate_OfAFileNestedTooDeep_ExitsWith2_WithThePosition()
    {
        var path = Dir.File("deep.yaml");
        File.WriteAllText(path, "a: " + new string('[', 20_000) + new string(']', 20_000));

        var exit = await Isdnsim("validate", path);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().StartWith($"{path}:1:67: error: mappings and lists are nested more than 64 levels deep here");
    }

    [Fact]
    public async Task Validate_OfAFileWithAHugeName_ShortensTheNameInEveryMessage()
    {
        var name = new string('n', 1_000_000) + ".yaml";

        var exit = await Isdnsim("validate", name);

        exit.Should().Be(ExitCodes.BadInput);
        var shown = new string('n', 100) + "…" + new string('n', 95) + ".yaml (1,000,005 characters)";
        Err.ToString().Should().Be($"{shown}: error: the path is too long for this system (1,000,005 characters)\n1 problem in {shown}; nothing was run.\n");
    }

    [Theory]
    [InlineData(new[] { "run", "FILE", "--replications", "99999999999" }, "--replications: expected a whole number between 1 and 10,000, found '99999999999'")]
    [InlineData(new[] { "run", "FILE", "-r", "99999999999" }, "--replications: expected a whole number between 1 and 10,000, found '99999999999'")]
    [InlineData(new[] { "run", "FILE", "--parallel=4294967296" }, "--parallel: expected a whole number between 1 and 2,147,483,647, found '4294967296'")]
    [InlineData(new[] { "run", "FILE", "--trace-replication", "-99999999999" }, "--trace-replication: expected a whole number between 0 and 9,999, found '-99999999999'")]
    [InlineData(new[] { "run", "FILE", "--seed", "-1" }, "--seed: expected a whole number between 0 and 18,446,744,073,709,551,615, found '-1'")]
    [InlineData(new[] { "compare", "FILE", "--precision", "0.05", "--max-replications", "1e6" }, "--max-replications: expected a whole number between 2 and 10,000, found '1e6'")]
    [InlineData(new[] { "generate", "--municipalities", "99999999999", "--districts", "1" }, "--municipalities: expected a whole number between 1 and 20,000, found '99999999999'")]
    public async Task ANumberOptionOutsideItsType_NamesTheOptionAndWhatItTakes_AndExitsWith2(string[] args, string message)
    {
        var exit = await Isdnsim([.. args.Select(a => a == "FILE" ? Repository.Scenario("mmc.yaml") : a)]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"isdnsim: error: {message}\n");
    }

    [Fact]
    public async Task Variants_ListsEachVariantWithWhatItChanges()
    {
        var exit = await Isdnsim("variants", Repository.Scenario("rural-district.yaml"));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var lines = Out.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        lines.Where(l => !l.StartsWith(' ') && l.Contains(": ")).Select(l => l[..l.IndexOf(':')])
            .Should().Equal("status-quo", "merger-only", "austerity", "democratisation", "one-level", "digitalisation", "heritage-delegation", "no-heat-law", "heat-konvoi", "Run one with");
        lines.Should().Contain("  - merge districts lk-havelheide, lk-nachbar into 'lk-havelheide-oderbruch', staff x0.9, hand-off municipal <-> lk-havelheide-oderbruch 3 d, 50 seats")
            .And.Contain("  - working group 'sozialraum-havelheide' every 28 d: wohnbau-heidestadt and all agents below lk-havelheide")
            .And.Contain("  - make district 'lk-havelheide' and all below it one city 'stadt-havelheide' (one level), 46 seats");
    }

    [Fact]
    public async Task Validate_SaysOk_ForAShippedScenario()
    {
        var exit = await Isdnsim("validate", Repository.Scenario("rural-district.yaml"));

        exit.Should().Be(ExitCodes.Ok);
        Out.ToString().Should().Contain(": ok: 'Rural district (Landkreis Havelheide)': 36 agents, 97 agencies, 8 processes, 107 demand streams");
    }

    [Fact]
    public async Task Validate_ListsEveryProblem_AndExitsWith2()
    {
        var exit = await Isdnsim("validate", Repository.BadScenario("unknown-root-key.yaml"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("unknown-root-key.yaml:4:1: error: unknown key 'horizn'").And.Contain("1 problem in");
    }

    [Fact]
    public async Task Run_InterruptedBeforeAnyReplication_ExitsWith130_AndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await IsdnSimApp.RunAsync(
            ["run", Repository.Scenario("mmc.yaml"), "--engine", "inprocess", "--out", Dir.File("x")], Consoles.Plain(Out, Err), cancelled.Token);

        exit.Should().Be(ExitCodes.Interrupted);
        Directory.Exists(Dir.File("x")).Should().BeFalse();
    }
}
