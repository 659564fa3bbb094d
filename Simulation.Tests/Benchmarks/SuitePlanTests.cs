using IsdnSim.Presentation.Benchmarks;
using IsdnSim.Runner.Options;

namespace IsdnSim.Tests.Benchmarks;

/// <summary>How the suite's figures follow from the samples of its process runs, and which benchmarks --only selects.</summary>
public sealed class SuitePlanTests
{
    private static ProcessSample Bench(double median, double peak = 100, double events = 1000, double agents = 10, double compile = 0.1) =>
        new(new Dictionary<string, double> { ["median_s"] = median, ["peak_mib"] = peak, ["events"] = events, ["events_per_s"] = events / median, ["agents"] = agents, ["compile_s"] = compile });

    [Theory]
    [InlineData("mmc", "mmc-inprocess", true)]
    [InlineData("mmc", "germany-inprocess", false)]
    [InlineData("germany-run,rural", "rural-inprocess", true)]
    [InlineData("scaling-*-1y", "scaling-16x-1y", true)]
    [InlineData("scaling-*-1y", "scaling-1x-16y", false)]
    [InlineData("MMC-Orleans", "mmc-orleans", true)]
    public void Only_SelectsByPartOfTheIdOrAWildcard(string only, string id, bool selected)
    {
        SuitePlan.Selects(only, id).Should().Be(selected);
    }

    [Fact]
    public void Create_WithOnly_KeepsOnlyTheSelectedBenchmarksAndTheRegionsTheyRead()
    {
        var plan = SuitePlan.Create(quick: false, "/scratch", "scaling-4x");

        plan.Measurements.Select(m => m.Id).Should().Equal("scaling-4x-1y");
        plan.Preparations.Should().ContainSingle().Which.Should().Contain("generate").And.Contain(Path.Combine("/scratch", "region-4x.yaml"));
        SuitePlan.Create(quick: false, "/scratch", "mmc").Preparations.Should().BeEmpty();
        // 4x the scaling series' 1x region of 800 municipalities and 32 districts.
        plan.Commands.Should().Equal(
            $"isdnsim generate --municipalities 3200 --districts 128 --seed 1 --out {Path.Combine("$TMP", "region-4x.yaml")} --force",
            $"isdnsim bench {Path.Combine("$TMP", "region-4x.yaml")} --horizon 1y --engine inprocess --runs 1");
    }

    /// <summary>
    /// A bench process's first runs after its one untimed replication are still being tiered up by
    /// the JIT (BENCHMARKS.md, eleventh round: M/M/3 one or two runs at 1.4-2.3x its settled time,
    /// Germany one or two runs 10-40 % slower), so M/M/3 is timed as the issue's own command, ten
    /// runs (its tenth too, which the memory-growth row compares with it), and Germany over five:
    /// the medians are the settled speed, not a draw of the warm-up. --quick keeps one run.
    /// </summary>
    [Fact]
    public void Create_TimesMmcAsTheIssuesCommand_AndGermanyOverFiveRuns()
    {
        var commands = SuitePlan.Create(quick: false, "/scratch", "mmc,germany-inprocess,germany-orleans").Commands;

        commands.Should().Equal(
            "isdnsim bench scenarios/mmc.yaml --horizon 370370d --engine inprocess --runs 10",
            "isdnsim bench scenarios/mmc.yaml --horizon 370370d --runs 10",
            "isdnsim bench scenarios/mmc.yaml --horizon 37037d --engine inprocess --runs 10",
            "isdnsim bench scenarios/germany.yaml --engine inprocess --runs 5",
            "isdnsim bench scenarios/germany.yaml --runs 5");
        SuitePlan.Create(quick: true, "/scratch", "mmc-inprocess").Commands.Should().Equal(
            "isdnsim bench scenarios/mmc.yaml --horizon 3704d --engine inprocess --runs 1");
    }

    [Fact]
    public void Rows_TakeRatiosRunByRun_AndCompareTheMedianWithTheTarget()
    {
        var plan = SuitePlan.Create(quick: false, "/scratch", "mmc");
        var samples = new Dictionary<string, IReadOnlyList<ProcessSample>>
        {
            ["mmc-inprocess"] = [Bench(0.20, peak: 140), Bench(0.40, peak: 141), Bench(0.30, peak: 142)],
            ["mmc-orleans"] = [Bench(0.30), Bench(0.40), Bench(0.60)],
        };

        var rows = plan.Rows(samples).ToDictionary(r => r.Id);

        rows.Keys.Should().Equal("mmc-inprocess", "mmc-orleans", "mmc-ratio", "mmc-peak"); // the growth row needs mmc-tenth-inprocess
        rows["mmc-inprocess"].Figure.Should().Be(new Spread(0.20, 0.30, 0.40));
        rows["mmc-inprocess"].Met.Should().BeFalse(); // 0.30 > 0.25
        rows["mmc-ratio"].Figure.Min.Should().BeApproximately(1.0, 1e-12); // 0.40 / 0.40
        rows["mmc-ratio"].Figure.Median.Should().BeApproximately(1.5, 1e-12); // 0.30 / 0.20
        rows["mmc-ratio"].Figure.Max.Should().BeApproximately(2.0, 1e-12); // 0.60 / 0.30
        rows["mmc-ratio"].Met.Should().BeFalse();
        rows["mmc-peak"].Figure.Should().Be(new Spread(140, 141, 142));
        rows["mmc-peak"].Met.Should().BeTrue();
        rows["mmc-orleans"].Met.Should().BeNull();
    }

    [Fact]
    public void Scaling_FitsTheExponentOverAgentsForEachRound()
    {
        var plan = SuitePlan.Create(quick: false, "/scratch", "scaling-*-1y");
        // Round 1 grows as agents^1, round 2 as agents^2.
        var samples = new Dictionary<string, IReadOnlyList<ProcessSample>>
        {
            ["scaling-1x-1y"] = [Bench(1, agents: 10), Bench(1, agents: 10)],
            ["scaling-4x-1y"] = [Bench(4, agents: 40), Bench(16, agents: 40)],
            ["scaling-16x-1y"] = [Bench(16, agents: 160), Bench(256, agents: 160)],
        };

        var exponent = plan.Rows(samples).Should().ContainSingle().Which;
        var points = plan.Scaling(samples);

        exponent.Id.Should().Be("scaling-agents-exponent");
        exponent.Figure.Min.Should().BeApproximately(1.0, 1e-12);
        exponent.Figure.Max.Should().BeApproximately(2.0, 1e-12);
        points.Select(p => (p.Factor, p.Years, p.Agents)).Should().Equal((1, 1, 10.0), (4, 1, 40.0), (16, 1, 160.0));
        points[1].Seconds.Should().Be(new Spread(4, 10, 16));
        points[1].EventsPerSecond.Should().Be(100);
    }

    [Fact]
    public void Rows_AgainstABaseBuild_PairEachFigureWithTheBaseRoundByRound()
    {
        var plan = SuitePlan.Create(quick: false, "/scratch", "mmc");
        var now = new Dictionary<string, IReadOnlyList<ProcessSample>>
        {
            ["mmc-inprocess"] = [Bench(0.20), Bench(0.40), Bench(0.30)],
            ["mmc-orleans"] = [Bench(0.30), Bench(0.40), Bench(0.60)],
            ["mmc-tenth-inprocess"] = [Bench(0.02, peak: 100), Bench(0.04, peak: 100), Bench(0.03, peak: 100)],
        };
        var @base = new Dictionary<string, IReadOnlyList<ProcessSample>>
        {
            // A busy second round slows both builds: the pair's ratio does not see it.
            ["mmc-inprocess"] = [Bench(0.25), Bench(0.80), Bench(0.25)],
            ["mmc-orleans"] = [Bench(0.30), Bench(0.80), Bench(0.30)],
            ["mmc-tenth-inprocess"] = [Bench(0.02, peak: 100), Bench(0.04, peak: 100), Bench(0.03, peak: 100)],
        };

        var rows = plan.Rows(now, @base).ToDictionary(r => r.Id);

        rows["mmc-inprocess"].Figure.Should().Be(new Spread(0.20, 0.30, 0.40)); // this build's own figure as without a base
        rows["mmc-inprocess"].Against!.Base.Should().Be(new Spread(0.25, 0.25, 0.80));
        rows["mmc-inprocess"].Against!.Ratio.Min.Should().BeApproximately(0.5, 1e-12); // 0.40 / 0.80
        rows["mmc-inprocess"].Against!.Ratio.Median.Should().BeApproximately(0.8, 1e-12); // 0.20 / 0.25
        rows["mmc-inprocess"].Against!.Ratio.Max.Should().BeApproximately(1.2, 1e-12); // 0.30 / 0.25
        // A ratio row pairs its own round-by-round ratios: (0.30/0.20) / (0.30/0.25) = 1.25, 1 / 1 = 1, 2 / 1.2.
        rows["mmc-ratio"].Against!.Ratio.Median.Should().BeApproximately(1.25, 1e-12);
        // The growth row is 0 MiB in the base: no ratio to take.
        rows["mmc-peak-growth"].Against.Should().BeNull();
        plan.Rows(now).Should().OnlyContain(r => r.Against == null);
    }

    [Theory]
    [InlineData(new double[] { 1, 2 }, new double[] { 1 })]
    [InlineData(new double[] { 1 }, new double[] { 0 })]
    [InlineData(new double[0], new double[0])]
    public void Pairing_OfValuesThatDoNotPairRoundByRound_IsNone(double[] now, double[] @base)
    {
        Pairing.Of(now, @base).Should().BeNull();
    }

    [Fact]
    public void Scaling_AgainstABaseBuild_PairsEachPointsTime()
    {
        var plan = SuitePlan.Create(quick: false, "/scratch", "scaling-4x-1y");
        var now = new Dictionary<string, IReadOnlyList<ProcessSample>> { ["scaling-4x-1y"] = [Bench(3, agents: 40), Bench(6, agents: 40)] };
        var @base = new Dictionary<string, IReadOnlyList<ProcessSample>> { ["scaling-4x-1y"] = [Bench(4, agents: 40), Bench(6, agents: 40)] };

        var point = plan.Scaling(now, @base).Should().ContainSingle().Which;

        point.Against.Should().Be(new Pairing(new Spread(4, 5, 6), new Spread(0.75, 0.875, 1)));
        plan.Scaling(now).Single().Against.Should().BeNull();
    }

    [Fact]
    public void Quick_HoldsNoFigureToTheTargets()
    {
        var plan = SuitePlan.Create(quick: true, "/scratch", "mmc-inprocess");

        var rows = plan.Rows(new Dictionary<string, IReadOnlyList<ProcessSample>> { ["mmc-inprocess"] = [Bench(0.01)] });

        rows.Should().OnlyContain(r => r.Target == null && r.Met == null);
        plan.Measurements.Single().Arguments.Should().Contain("3704d");
    }

    [Fact]
    public void Request_WritesOnlyTheWholeSuiteWithFiveRunsOrMore()
    {
        new SuiteRequest(5, null, false, true).WriteProblem().Should().BeNull();
        new SuiteRequest(4, null, false, true).WriteProblem().Should().Contain("at least 5");
        new SuiteRequest(5, "mmc", false, true).WriteProblem().Should().Contain("--only");
        new SuiteRequest(5, null, true, true).WriteProblem().Should().Contain("--quick");
        new SuiteRequest(2, null, true, false).WriteProblem().Should().BeNull();
        new SuiteRequest(1, null, false, true, AllowFewRuns: true).WriteProblem().Should().BeNull();
        new SuiteRequest(1, null, false, true, AllowFewRuns: true).Arguments.Should().Be("bench --suite --runs 1 --write --allow-few-runs");
        new SuiteRequest(7, "mmc", true, false).Arguments.Should().Be("bench --suite --runs 7 --only mmc --quick");
        new SuiteRequest(5, null, false, true).Arguments.Should().Be("bench --suite --write");
        // The base build's path is this machine's: the command a reader repeats names it DIR.
        new SuiteRequest(5, null, false, false, Against: "/somewhere/isdnsim-main").Arguments.Should().Be("bench --suite --against DIR");
    }
}
