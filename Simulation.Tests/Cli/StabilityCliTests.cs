using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Output.Summary;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>An unstable queue is named on the terminal and in the reports, never passed over in silence.</summary>
public sealed class StabilityCliTests : CliTest
{

    [Fact]
    public async Task Run_OfAnOverloadedQueue_PrintsAWarning()
    {
        // mmc.yaml at 30 arrivals a day: rho = 10.
        var file = Dir.File("mmc30.yaml");
        var text = File.ReadAllText(Repository.Scenario("mmc.yaml"));
        text.Should().Contain("rate: 2.7/day");
        File.WriteAllText(file, text.Replace("rate: 2.7/day", "rate: 30/day", StringComparison.Ordinal));

        var exit = await Isdnsim("run", file, "--engine", "inprocess", "--horizon", "300d", "--replications", "2", "--out", Dir.File("out"));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var output = Flat(Out.ToString());
        output.Should().Contain("Warning: unstable queue: Service desk (Validation town)")
            .And.Contain("saturated")
            .And.Contain("Warning: mostly unfinished: Request");
        RunSummaryFile.Read(Path.Combine(Dir.File("out"), "summary.json")).Stability.Stable.Should().BeFalse();
    }

    [Fact]
    public async Task Run_OfAStableQueue_PrintsNoWarning()
    {
        var exit = await Isdnsim("run", Repository.Scenario("mmc.yaml"), "--engine", "inprocess", "--horizon", "400d", "--replications", "2", "--out", Dir.File("out"));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Out.ToString().Should().NotContain("Warning");
        RunSummaryFile.Read(Path.Combine(Dir.File("out"), "summary.json")).Stability.Stable.Should().BeTrue();
    }

    [Fact]
    public async Task Compare_OfRuralDistrictAusterity_FlagsTheMergedBuildingAuthority()
    {
        var outDir = Dir.File("cmp");

        // After the warm-up: in 2025-2027 the heat plans fill the Bauämter, which hold back the
        // applications on their way to the merged authority; from 2028 on it is saturated.
        var exit = await Isdnsim("compare", Repository.Scenario("rural-district.yaml"), "--variants", "status-quo,austerity",
            "--replications", "2", "--warmup", "3y", "--engine", "inprocess", "--out", outDir);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var output = Flat(Out.ToString());
        output.Should().Contain("Warning (austerity): unstable queue: Untere Bauaufsichtsbehörde")
            .And.Contain("Arrived projects")
            .And.NotContain("Warning (status-quo)");
        var report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        report.Should().Contain("Warning: unstable queues").And.Contain("Landkreis Havelheide-Oderbruch");
        var agencies = ExperimentOutput.Agencies.Read(Path.Combine(outDir, "agencies.csv"));
        agencies.Single(a => (a["cell"], a["agent"], a["agency"]) == ("austerity", "lk-havelheide-oderbruch", "building"))
            .Long("unstable_replications").Should().Be(2);
        agencies.Where(a => a["cell"] == "status-quo").Should().OnlyContain(a => a.Long("unstable_replications") == 0);
    }

    [Fact]
    public async Task Sweep_MarksThePointsWithoutASteadyState()
    {
        // mmc.yaml: 2.7 arrivals a day of one day's work; two servers give rho = 1.35, three 0.9.
        var outDir = Dir.File("sweep");

        var exit = await Isdnsim("sweep", Repository.Scenario("mmc.yaml"), "--set", "agents.town.agencies.desk.staff=2,3",
            "--replications", "2", "--horizon", "1000d", "--engine", "inprocess", "--out", outDir);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var output = Flat(Out.ToString());
        output.Should().Contain("Steady").And.Contain("Warning (p0): unstable queue: Service desk").And.NotContain("Warning (p1)");
        File.ReadAllText(Path.Combine(outDir, "report.html")).Should().Contain("Warning: unstable queues");
    }

    /// <summary>The terminal wraps long lines; the checks read the text as one line.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split('\n').Select(l => l.TrimEnd('\r', ' ')));
}
