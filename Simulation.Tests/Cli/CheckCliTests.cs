using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// isdnsim check end to end on a scenario whose results follow by hand (the plans of
/// <see cref="Validation.ShareFinishedByTests"/>: three towns' plans done on days 10, 20 and 30,
/// the same in every replication, as nothing in it is random).
/// </summary>
public sealed class CheckCliTests : CliTest
{
    private const string Observed = """
        process,region,statistic,value,unit,source
        heat-plan,,mean,25,days,"Source A, 2025"
        heat-plan,a,share_finished_by:2025-01-10,0.5,share,B
        heat-plan,,median,20,days,C

        """;

    private (string Scenario, string Observed) Files(string observed = Observed)
    {
        File.WriteAllText(Dir.File("plans.yaml"), Validation.ShareFinishedByTests.Yaml());
        File.WriteAllText(Dir.File("observed.csv"), observed);
        return (Dir.File("plans.yaml"), Dir.File("observed.csv"));
    }

    [Fact]
    public async Task Check_WritesCheckCsvAndManifest_AndSaysHowTheModelCompares()
    {
        var (scenario, observed) = Files();
        var outDir = Dir.File("out");

        var exit = await Isdnsim("check", scenario, "--observed", observed, "--replications", "2", "--engine", "inprocess", "--no-progress", "--out", outDir);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Directory.GetFiles(outDir).Select(Path.GetFileName).Should().BeEquivalentTo("check.csv", "manifest.json", "README.txt", "datapackage.json");

        // Lead times 10, 20, 30 in both replications: mean 20 and median 20 without spread; a's plan
        // done by the end of 2025-01-10 in both: share 1. 25 observed lies above the model's mean
        // (the model faster), 0.5 below its share (the model faster), 20 on its median.
        File.ReadAllText(Path.Combine(outDir, "check.csv")).Should().Be(
            "line,process,region,statistic,unit,observed,simulated,ci_low,ci_high,replications,replications_with_value,projects,finished_share,observation,model,source\n" +
            "2,heat-plan,,mean,days,25,20,20,20,2,2,6,1,above,faster,\"Source A, 2025\"\n" +
            "3,heat-plan,a,share_finished_by:2025-01-10,share,0.5,1,1,1,2,2,2,1,below,faster,B\n" +
            "4,heat-plan,,median,days,20,20,20,20,2,2,6,1,inside,consistent,C\n");
        Output.Should().Contain("The model is faster than 2 of 3 observations and consistent with 1 (the observation within the model's 95 % interval).")
            .And.Contain("│ heat-plan │ share_finished_by:2025-01-10 │ 50.0 % │")
            .And.Contain("Left out at 80 columns: Region, Finished", "the region and the share finished are in check.csv");
        var manifest = File.ReadAllText(Path.Combine(outDir, "manifest.json"));
        manifest.Should().Contain("\"command\": \"check\"").And.Contain("\"observations\": 3").And.Contain("\"replications\": 2")
            .And.Contain($"\"reproduce\": \"isdnsim check {scenario} --observed {observed} --seed 1 --replications 2\"");
    }

    [Fact]
    public async Task Check_OnTheEmbeddedSilo_GivesTheSameCheckCsvAsInProcess()
    {
        var (scenario, observed) = Files();

        var exitA = await Isdnsim("check", scenario, "--observed", observed, "--replications", "2", "--engine", "inprocess", "--no-progress", "--out", Dir.File("a"));
        var exitB = await Isdnsim("check", scenario, "--observed", observed, "--replications", "2", "--no-progress", "--out", Dir.File("b"));

        (exitA, exitB).Should().Be((ExitCodes.Ok, ExitCodes.Ok), Err.ToString());
        File.ReadAllBytes(Dir.File("b/check.csv")).Should().Equal(File.ReadAllBytes(Dir.File("a/check.csv")));
    }

    [Theory]
    [InlineData("heat-plan,,mean,25,months,x\n", ":2:20: error: expected the unit 'days' for mean, found 'months' (a month is 30.436875 days: 365.2425 / 12)")]
    [InlineData("heat-plann,,mean,25,days,x\n", ":2:1: error: no process 'heat-plann' in ")]
    [InlineData("heat-plan,lk-x,mean,25,days,x\n", ":2:11: error: no agent 'lk-x' in ")]
    public async Task Check_WithBadObservedData_ExitsWith2_AndWritesNothing(string row, string message)
    {
        var (scenario, observed) = Files("process,region,statistic,value,unit,source\n" + row);
        var outDir = Dir.File("never");

        var exit = await Isdnsim("check", scenario, "--observed", observed, "--engine", "inprocess", "--no-progress", "--out", outDir);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(observed + message).And.Contain($"1 problem in {observed}; nothing was run.");
        Directory.Exists(outDir).Should().BeFalse();
        Directory.GetFileSystemEntries(Dir.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["plans.yaml", "observed.csv"], "not even a staging folder is left behind");
    }

    [Fact]
    public async Task Check_AsksForTheObservedFile()
    {
        var (scenario, _) = Files();

        var exit = await Isdnsim("check", scenario, "--engine", "inprocess", "--out", Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("--observed FILE is required: the observed data to check the scenario against, e.g. data/observed/rural-district.csv");
    }

    [Fact]
    public async Task Check_OfAMissingObservedFile_ExitsWith2()
    {
        var (scenario, _) = Files();

        var exit = await Isdnsim("check", scenario, "--observed", Dir.File("none.csv"), "--engine", "inprocess", "--out", Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain($"{Dir.File("none.csv")}: error: file not found");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Check_IntoAFolderWithResults_ExitsWith2_AndLeavesThemAlone()
    {
        var (scenario, observed) = Files();
        Directory.CreateDirectory(Dir.File("earlier"));
        File.WriteAllText(Dir.File("earlier/check.csv"), "earlier results");

        var exit = await Isdnsim("check", scenario, "--observed", observed, "--engine", "inprocess", "--out", Dir.File("earlier"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("already exists and is not empty");
        File.ReadAllText(Dir.File("earlier/check.csv")).Should().Be("earlier results");
    }
}
