using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>Sweeps: the --set syntax, the grid, setting values in the file's text, and the tidy table of runs.</summary>
public sealed class SweepTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ExperimentPlan SweepPlan(string yaml, int replications, params SweepParameter[] parameters) => new()
    {
        Kind = ExperimentPlan.SweepKind,
        ScenarioFile = "inline.yaml",
        ScenarioHash = Runs.Parse(yaml).Hash,
        Replications = replications,
        Parameters = parameters,
        ProgramVersion = "test",
    };

    [Theory]
    [InlineData("a.b=10..20:5", new[] { "10", "15", "20" })]
    [InlineData("a.b=10..21:5", new[] { "10", "15", "20" })]
    [InlineData("a.b=0.1..0.5:0.1", new[] { "0.1", "0.2", "0.3", "0.4", "0.5" })]
    [InlineData("a.b=5wd..15wd:5wd", new[] { "5wd", "10wd", "15wd" })]
    [InlineData("a.b=5wd..15wd:5", new[] { "5wd", "10wd", "15wd" })]
    [InlineData("a.b=-2..2:2", new[] { "-2", "0", "2" })]
    [InlineData("a.b=3..3:1", new[] { "3" })]
    [InlineData("a.b=fifo,priority", new[] { "fifo", "priority" })]
    [InlineData("a.b=0.25/day..0.5/day:0.25/day", new[] { "0.25/day", "0.5/day" })]
    [InlineData("a.b=1/year..3/year:1/year", new[] { "1/year", "2/year", "3/year" })]
    [InlineData("a.b=1mo..3mo:1mo", new[] { "1mo", "2mo", "3mo" })]
    [InlineData("a.b=10_000 EUR/year..30_000 EUR/year:10_000 EUR/year", new[] { "10000 EUR/year", "20000 EUR/year", "30000 EUR/year" })]
    [InlineData("a.b=4h..12h:4h", new[] { "4h", "8h", "12h" })]
    [InlineData(" a.b = 1 , 2 ", new[] { "1", "2" })]
    public void Parse_ExpandsRangesAndLists(string text, string[] values)
    {
        var p = SweepGrid.Parse(text);

        p.Path.Should().Be("a.b");
        p.Values.Should().Equal(values);
    }

    [Theory]
    [InlineData("a.b", "expected PATH=FROM..TO:STEP or PATH=A,B,C")]
    [InlineData("a.b=10..20:0", "STEP must be greater than zero")]
    [InlineData("a.b=20..10:5", "TO must not be smaller than FROM")]
    [InlineData("a.b=5wd..15d:5wd", "must have the same unit")]
    [InlineData("a.b=1/day..2/year:1/day", "must have the same unit, found '/day', '/year', '/day'")]
    [InlineData("a.b=1,,2", "an empty value")]
    [InlineData("a.b=1,2,1", "listed twice")]
    [InlineData("a.b=0..100000:1", "more than 10,000 values")]
    public void Parse_RejectsWhatItCannotMean(string text, string message)
    {
        var act = () => SweepGrid.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Points_AreTheProduct_FirstParameterSlowest()
    {
        var points = SweepGrid.Points([new SweepParameter("a", ["1", "2"]), new SweepParameter("b", ["x", "y", "z"])]);

        points.Select(p => string.Join("/", p.Values)).Should().Equal("1/x", "1/y", "1/z", "2/x", "2/y", "2/z");
        points.Select(p => p.Cell).Should().Equal("p0", "p1", "p2", "p3", "p4", "p5");
    }

    [Fact]
    public void Points_RefuseAGridTooLarge_OrAPathSetTwice()
    {
        var big = new SweepParameter("a", [.. Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        ((Action)(() => SweepGrid.Points([big, big with { Path = "b" }]))).Should().Throw<FormatException>().WithMessage("*40,000 points; the limit is 10,000*");
        ((Action)(() => SweepGrid.Points([big, big]))).Should().Throw<FormatException>().WithMessage("*'a' is set twice*");
    }

    private const string File = """
        name: patch  # a comment that stays
        agents:
          - id: lk
            agencies:
              - { id: building, staff: 17, roles: [permit] }
          - { id: town, population: 1800 }
        processes:
          - id: p
            steps:
              - id: plan
                effort: { dist: lognormal, mean: 8wd, sd: 4wd }
        variants:
          - id: austerity
            operations:
              - { op: scale_staff, factor: 0.8 }
        """;

    [Fact]
    public void Patch_SetsValuesByKeyIdAndPosition_AndLeavesEverythingElse()
    {
        var patched = ScenarioPatch.Apply(File, [
            ("agents.lk.agencies.building.staff", "9"),
            ("agents.1.population", "25000"),
            ("processes.p.steps.plan.effort.mean", "12wd"),
            ("variants.austerity.operations.0.factor", "0.65"),
            ("name", "a: name"),
        ]);

        patched.Should().Be("""
            name: "a: name"  # a comment that stays
            agents:
              - id: lk
                agencies:
                  - { id: building, staff: 9, roles: [permit] }
              - { id: town, population: 25000 }
            processes:
              - id: p
                steps:
                  - id: plan
                    effort: { dist: lognormal, mean: 12wd, sd: 4wd }
            variants:
              - id: austerity
                operations:
                  - { op: scale_staff, factor: 0.65 }
            """);
    }

    [Theory]
    [InlineData("agents.lk.agencies.buildng.staff", "no item 'buildng' in the list at agents.lk.agencies; did you mean 'building'?")]
    [InlineData("agents.lk.agencies.building.stafff", "'stafff' is not a key at agents.lk.agencies.building; did you mean 'staff'?")]
    [InlineData("agents.lk.agencies.building.roles", "this is a list, not a single value")]
    [InlineData("name.x", "name is a value, not a mapping or a list")]
    [InlineData("agents.7.population", "no item '7' in the list at agents")]
    public void Patch_ExplainsAPathThatLeadsNowhere(string path, string message)
    {
        var act = () => ScenarioPatch.Apply(File, [(path, "1")]);

        act.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Patch_ReachesIdsWithDots_AndRefusesBlockValues()
    {
        const string file = """
            agents:
              - { id: lk.nord, staff: 3 }
              - { id: lk, staff: 4 }
            description: |
              two lines
              of text
            """;

        ScenarioPatch.Apply(file, [("agents.lk.nord.staff", "5"), ("agents.lk.staff", "6")]).Should().Contain("{ id: lk.nord, staff: 5 }").And.Contain("{ id: lk, staff: 6 }");
        ((Action)(() => ScenarioPatch.Apply(file, [("description", "x")]))).Should().Throw<FormatException>().WithMessage("*a block value (| or >)*");
    }

    [Theory]
    [InlineData("a=\"X, Y\",Z", new[] { "X, Y", "Z" })]
    [InlineData("a=\"say \"\"hi\"\"\",b", new[] { "say \"hi\"", "b" })]
    public void Parse_ListItemsInQuotes_MayHoldCommas(string text, string[] values) =>
        SweepGrid.Parse(text).Values.Should().Equal(values);

    [Fact]
    public void Parse_AnUnclosedQuote_IsAnError() =>
        ((Action)(() => SweepGrid.Parse("a=\"X,Y"))).Should().Throw<FormatException>().WithMessage("*a quote is not closed*");

    [Fact]
    public void Prepare_ChecksTheCommandLinesWarmupAgainstEachPointsHorizon()
    {
        var yaml = Queues.Desk(staff: 2, rate: 1.5, horizon: "500d");
        var plan = SweepPlan(yaml, 1, new SweepParameter("horizon", ["800d", "300d"])) with { WarmupDays = 400 };

        var e = ((Action)(() => SweepExperiment.Prepare(plan, yaml))).Should().Throw<SweepPointException>().Which;

        e.Point.Should().Be("horizon=300d");
        e.Problems.Should().ContainSingle().Which.Should().Contain("warmup (400 days) must be shorter than the horizon (300 days)");
    }

    [Fact]
    public void Prepare_NamesAPointWhereTheVariantNoLongerExists()
    {
        var yaml = Queues.Desk(staff: 2, rate: 1.5, horizon: "500d");
        var plan = SweepPlan(yaml, 1, new SweepParameter("variants.1.id", ["one-more", "two-more"])) with { Variants = ["one-more"] };

        var e = ((Action)(() => SweepExperiment.Prepare(plan, yaml))).Should().Throw<SweepPointException>().Which;

        e.Point.Should().Be("variants.1.id=two-more");
        e.Problems.Should().ContainSingle().Which.Should().Contain("no variant 'one-more' at this point");
    }

    [Fact]
    public async Task Sweep_RunsEveryPoint_WithTheSameReplications_IntoATidyTable()
    {
        var yaml = Queues.Desk(staff: 2, rate: 1.5, horizon: "500d", replications: 3);
        var plan = SweepPlan(yaml, 3, new SweepParameter("agents.town.agencies.desk.staff", ["2", "3", "4"]), new SweepParameter("demand.0.rate", ["1/day", "1.5/day"]));
        var store = ExperimentStore.Create(_dir.File("sweep"), plan, yaml);
        var experiment = SweepExperiment.Prepare(plan, yaml);
        var outcome = await experiment.RunAsync(store, new InProcessEngine(), 2, null, CancellationToken.None);
        var context = ExperimentContext.For(plan, experiment.Cells[0].Model, 3, null, "test");
        ExperimentOutput.WriteSweep(store, outcome, SweepReport.Build(context, outcome.Result), context.Years);

        outcome.Result.Points.Should().HaveCount(6);
        experiment.Cells.Select(c => c.Model.Agents[0].Agencies[0].Staff).Should().Equal(2, 2, 3, 3, 4, 4);

        var lines = System.IO.File.ReadAllLines(_dir.File("sweep/runs.csv"));
        lines[0].Should().Be("point,agents.town.agencies.desk.staff,demand.0.rate,replication,metric,value");
        lines.Should().HaveCount(1 + (6 * 3 * outcome.Result.Metrics.Count));
        lines[1].Should().StartWith("p0,2,1/day,0,lead_time_mean,");
        lines.Should().Contain(l => l.StartsWith("p5,4,1.5/day,2,throughput_per_year,", StringComparison.Ordinal));
        System.IO.File.ReadAllLines(_dir.File("sweep/points.csv"))[0].Should().Be("point,agents.town.agencies.desk.staff,demand.0.rate,metric,replications,replications_with_value,mean,ci95_low,ci95_high");

        // More staff, same arrivals: never a longer mean lead time at the same rate.
        var lead = outcome.Result.Metrics.Select((m, i) => (m, i)).Single(x => x.m.Key == "lead_time_mean").i;
        double Lead(int point) => outcome.Result.Cells[point].Metrics[lead].Mean;
        Lead(2).Should().BeLessThan(Lead(0));
        Lead(4).Should().BeLessThan(Lead(2));
    }

    [Fact]
    public void Prepare_NamesThePointWhoseScenarioIsNotValid()
    {
        var yaml = Queues.Desk(staff: 2, rate: 1.5, horizon: "500d");
        var plan = SweepPlan(yaml, 1, new SweepParameter("agents.town.agencies.desk.staff", ["2", "0"]));

        var act = () => SweepExperiment.Prepare(plan, yaml);

        var e = act.Should().Throw<SweepPointException>().Which;
        e.Point.Should().Be("agents.town.agencies.desk.staff=0");
        e.Problems.Should().ContainSingle().Which.Should().Contain("inline.yaml:9:").And.Contain("found '0'");
    }

    [Fact]
    public async Task Resume_OfASweepOfSeeds_ChecksEachPointsReplicationsAgainstItsOwnSeed()
    {
        var yaml = Queues.Desk(staff: 2, rate: 1.5, horizon: "200d", replications: 2);
        var plan = SweepPlan(yaml, 2, new SweepParameter("seed", ["3", "4"]));
        async Task<SweepOutcome> Sweep(string directory)
        {
            var store = System.IO.File.Exists(System.IO.Path.Combine(directory, ExperimentStore.PlanFile)) ? ExperimentStore.Open(directory) : ExperimentStore.Create(directory, plan, yaml);
            var experiment = SweepExperiment.Prepare(store.Plan, yaml);
            var outcome = await experiment.RunAsync(store, new InProcessEngine(), 2, null, CancellationToken.None);
            var context = ExperimentContext.For(store.Plan, experiment.Cells[0].Model, 2, null, "test");
            ExperimentOutput.WriteSweep(store, outcome, SweepReport.Build(context, outcome.Result), context.Years);
            return outcome;
        }

        await Sweep(_dir.File("through"));
        await Sweep(_dir.File("resumed"));
        var file = _dir.File("resumed/replications/p1/00000.json");
        System.IO.File.Copy(_dir.File("resumed/replications/p0/00000.json"), file, overwrite: true);
        Experiments.Edit(file, t => t.Replace("\"cell\":\"p0\"", "\"cell\":\"p1\"", StringComparison.Ordinal), reseal: true);

        var problems = new List<string>();
        var opened = ExperimentStore.Open(_dir.File("resumed"));
        var prepared = SweepExperiment.Prepare(opened.Plan, yaml);
        prepared.Cells.Select(c => c.Seed).Should().Equal(3UL, 4UL);
        prepared.Cells.Select(c => c.Model.Seed).Should().Equal(3UL, 4UL);
        opened.LoadFinished(prepared, problems).Should().HaveCount(3);
        problems.Should().Equal($"{file}: it was computed with seed 3, the experiment's seed is 4; set aside as 00000.json.rejected, the replication is computed again");
        (await Sweep(_dir.File("resumed"))).Computed.Should().Be(1);

        Experiments.Files(_dir.File("resumed")).Where(f => !f.Key.EndsWith(".rejected", StringComparison.Ordinal))
            .Should().BeEquivalentTo(Experiments.Files(_dir.File("through")));
    }

    [Fact]
    public async Task ASweepOfVariants_GivesAtEachPoint_ThePairedDifferencesCompareGives()
    {
        // Three variants, so the intervals are Bonferroni-adjusted as compare's are (97.5 % each).
        string[] variants = ["as-is", "one-more", "one-less"];
        var yaml = Queues.Desk(staff: 2, rate: 1.5, horizon: "300d", replications: 4);
        var plan = SweepPlan(yaml, 4, new SweepParameter("demand.0.rate", ["1/day", "1.5/day"])) with { Variants = variants, Baseline = "as-is" };
        var store = ExperimentStore.Create(_dir.File("sweep"), plan, yaml);
        var experiment = SweepExperiment.Prepare(plan, yaml);
        var outcome = await experiment.RunAsync(store, new InProcessEngine(), 2, null, CancellationToken.None);
        var context = ExperimentContext.For(plan, experiment.Cells[0].Model, 4, null, "test");
        ExperimentOutput.WriteSweep(store, outcome, SweepReport.Build(context, outcome.Result), context.Years);

        // The comparison of the file with the second point's value set, as compare runs it.
        var atPoint = ScenarioPatch.Apply(yaml, [("demand.0.rate", "1.5/day")]);
        var compared = await Experiments.CompareAsync(Experiments.ComparePlan(atPoint, variants, 4), atPoint, _dir.File("compare"));

        experiment.Cells.Select(c => c.Id).Should().Equal("p0.as-is", "p0.one-more", "p0.one-less", "p1.as-is", "p1.one-more", "p1.one-less");
        var point = outcome.Result.Comparisons[1];
        foreach (var variant in variants.Skip(1))
        {
            for (var m = 0; m < outcome.Result.Metrics.Count; m++)
            {
                var mine = point.DifferenceOf($"p1.{variant}", m)!;
                var theirs = compared.Result.DifferenceOf(variant, m)!;
                (mine.Paired, mine.UnpairedHalfWidth, mine.Level).Should().Be((theirs.Paired, theirs.UnpairedHalfWidth, theirs.Level), $"{variant}, {outcome.Result.Metrics[m].Key}");
            }
        }

        point.Differences[0].Level.Should().Be(0.975);

        // The files say the same: differences.csv at p1 has comparison.csv's difference columns, byte for byte.
        string[] columns = ["difference_low", "difference_high", "difference_level", "significant", "unpaired_half_width"];
        var differences = ExperimentOutput.PointDifferences(["demand.0.rate"]).Read(_dir.File("sweep/differences.csv")).Where(r => r["point"] == "p1").ToList();
        var comparison = ExperimentOutput.Comparison.Read(_dir.File("compare/comparison.csv")).Where(r => r["variant"] != "as-is").ToList();
        differences.Select(r => string.Join(",", [r["metric"], r["variant"], r["difference"], .. columns.Select(c => r[c])]))
            .Should().BeEquivalentTo(comparison.Select(r => string.Join(",", [r["metric"], r["variant"], r["difference_to_baseline"], .. columns.Select(c => r[c])])));
        differences.Should().HaveCount(2 * outcome.Result.Metrics.Count);
        System.IO.File.ReadAllLines(_dir.File("sweep/points.csv"))[0].Should().Be("point,demand.0.rate,variant,metric,replications,replications_with_value,mean,ci95_low,ci95_high");
        System.IO.File.ReadAllLines(_dir.File("sweep/runs.csv"))[0].Should().Be("point,demand.0.rate,variant,replication,metric,value");
    }
}
