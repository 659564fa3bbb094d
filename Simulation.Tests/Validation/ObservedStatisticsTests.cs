using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Validation;

/// <summary>
/// The simulated counterpart of an observation, computed on replication results made by hand, so
/// every value below follows from the definitions alone. Quantiles are Hyndman and Fan's type 7
/// (R's and NumPy's default): of n sorted values x[0..n-1], the p-quantile is x[h] interpolated
/// linearly at h = (n - 1) p.
/// </summary>
public sealed class ObservedStatisticsTests
{
    private const double Exact = 1e-12;

    /// <summary>
    /// A district lk with towns a, b and an Amt with town c; a second district lk2 with town d; an
    /// operator. Agents in file order: land 0, lk 1, amt1 2, a 3, b 4, c 5, lk2 6, d 7, ops 8;
    /// processes p 0 (by demand) and q 1 (by a law). Warm-up 10 days, horizon 400 days.
    /// </summary>
    internal const string Yaml = """
        name: observed
        seed: 1
        start: 2025-01-01
        horizon: 400d
        warmup: 10d
        calendar: { kind: continuous }
        agents:
          - { id: land, kind: state, agencies: [{ id: office, staff: 1, roles: [work] }] }
          - { id: lk, kind: district, parent: land }
          - { id: amt1, kind: amt, parent: lk }
          - { id: a, kind: municipality, parent: lk, population: 1000 }
          - { id: b, kind: municipality, parent: lk, population: 1000 }
          - { id: c, kind: municipality, parent: amt1, population: 1000 }
          - { id: lk2, kind: district, parent: land }
          - { id: d, kind: municipality, parent: lk2, population: 1000 }
          - { id: ops, kind: national-operator, agencies: [{ id: desk, staff: 1, roles: [other] }] }
        processes:
          - { id: p, steps: [{ id: s, role: work, effort: 1wd }] }
          - { id: q, steps: [{ id: s, role: other, effort: 1wd }] }
        jurisdiction: { work: state, other: ops }
        demand:
          - { process: p, rate: 1/year }
        shocks:
          - { id: law, date: 2025-01-01, process: q, groups: [{ name: all, deadline: 2025-12-31 }] }
        """;

    private const int A = 3, B = 4, C = 5, D = 7, P = 0, Q = 1;

    private static readonly SimulationModel Model = Runs.Spec(Runs.Parse(Yaml)).Compile();

    private static ProjectRecord Project(int owner, int process, int serial, double arrival, double finish) =>
        new(new ProjectId(owner, process, serial), arrival, finish, new PathSummary());

    /// <summary>
    /// Process p: at a, projects (arrival, finish) (0, 8), finished before the warm-up and not
    /// counted, then (0, 10), (5, 25), (20, 50), (30, 70): lead times 10, 20, 30, 40; at b (15, 115):
    /// 100; at c (40, 100): 60; at d (12, 212): 200. One q project at a, (10, 13). Arrived after the
    /// warm-up (day 10): a 3 (one unfinished), b 1, c 2 (one unfinished), d 1; a had 3 before it.
    /// </summary>
    private static ReplicationResult HandMade(int replication = 0) => HandMade(replication, HandMadeProjects());

    private static ProjectRecord[] HandMadeProjects() =>
    [
        Project(A, P, 0, 0, 8), Project(A, P, 1, 0, 10), Project(A, P, 2, 5, 25), Project(A, P, 3, 20, 50), Project(A, P, 4, 30, 70),
        Project(B, P, 0, 15, 115), Project(C, P, 0, 40, 100), Project(D, P, 0, 12, 212), Project(A, Q, -1, 10, 13),
    ];

    private static ReplicationResult HandMade(int replication, IEnumerable<ProjectRecord> projects) => new(
        replication,
        400,
        CanonicalRecords.Projects(projects),
        [],
        [new ArrivalTally(A, P, 3, 0, Before: 3), new ArrivalTally(B, P, 1, 0), new ArrivalTally(C, P, 2, 0), new ArrivalTally(D, P, 1, 0), new ArrivalTally(A, Q, 1, 0)],
        CanonicalRecords.Steps(Array.Empty<StepRecord>()),
        0,
        0,
        new AgentTallies([], [], DecisionTally.Empty, 0, 0, []));

    private static IReadOnlyList<ObservedTarget> Targets(params string[] rows) =>
        ObservedTarget.Resolve(ObservedData.Parse("process,region,statistic,value,unit,source\n" + string.Join("\n", rows), "obs.csv"), Model, "inline.yaml");

    private static ObservedValue Only(string row) => ObservedFigures.Compute(Model, HandMade(), Targets(row)).Values.Single();

    [Theory]
    // Over the whole scenario, the lead times of p finished after the warm-up, sorted:
    // 10, 20, 30, 40, 60, 100, 200 (n = 7, h = 6p).
    [InlineData("mean", 460.0 / 7)]
    [InlineData("median", 40)]          // h = 3: x[3]
    [InlineData("p10", 16)]             // h = 0.6: 10 + 0.6 (20 - 10)
    [InlineData("p25", 25)]             // h = 1.5: 20 + 0.5 (30 - 20)
    [InlineData("p75", 80)]             // h = 4.5: 60 + 0.5 (100 - 60)
    [InlineData("p90", 140)]            // h = 5.4: 100 + 0.4 (200 - 100)
    [InlineData("share_within:30d", 3.0 / 7)] // 10, 20 and 30: at most counts
    [InlineData("share_within:29.5d", 2.0 / 7)]
    public void LeadTimeStatistics_FollowTheirDefinitions(string statistic, double expected)
    {
        var value = Only($"p,,{statistic},1,{(statistic.StartsWith("share", StringComparison.Ordinal) ? "share" : "days")},s");

        value.Value.Should().BeApproximately(expected, Exact);
        value.Counted.Should().Be(7, "the project finished on day 8, before the warm-up, does not count");
    }

    [Theory]
    [InlineData("lk", 260.0 / 6, 35)]   // a, b and c (below lk through the Amt): 10, 20, 30, 40, 60, 100; median h = 2.5
    [InlineData("amt1", 60, 60)]        // c alone
    [InlineData("c", 60, 60)]
    [InlineData("b", 100, 100)]
    [InlineData("lk2", 200, 200)]
    [InlineData("land", 460.0 / 7, 40)] // everything is below the state
    public void ARegion_CountsItsOwnProjectsAndThoseBelowIt(string region, double mean, double median)
    {
        var figures = ObservedFigures.Compute(Model, HandMade(), Targets($"p,{region},mean,1,days,s", $"p,{region},median,1,days,s"));

        figures.Values[0].Value.Should().BeApproximately(mean, Exact);
        figures.Values[1].Value.Should().BeApproximately(median, Exact);
    }

    [Fact]
    public void Counts_SayHowManyArrivedAndFinished()
    {
        // Arrived after the warm-up: a 3, b 1, c 2, d 1 = 7; of them finished: a (20, 50) and
        // (30, 70), b, c (40, 100), d = 5. Only p's projects count, not q's.
        Only("p,,mean,1,days,s").Should().Be(new ObservedValue(460.0 / 7, 7, 7, 5));
        Only("p,a,mean,1,days,s").Should().Be(new ObservedValue(25, 4, 3, 2));
    }

    [Fact]
    public void AReplicationWithNothingToMeasure_HasNoValue()
    {
        // q's only project is at a; b has none.
        Only("q,b,mean,1,days,s").Should().Be(new ObservedValue(double.NaN, 0, 0, 0));
    }

    [Fact]
    public void OverReplications_TheMeanAndItsStudentTInterval()
    {
        // Replication 0 gives the mean 460/7 over the scenario; replication 1 the same projects with
        // d's finishing on day 282 instead of 212 (lead time 270): mean 530/7. The mean over both is
        // 495/7; their standard deviation 70/7 / sqrt(2) = 7.0711; the 95 % half-width
        // t(0.975, 1) * sd / sqrt(2) = 12.7062047361747 * 5 = 63.5310236808735.
        var targets = Targets("p,,mean,80,days,s", "p,,mean,130,days,s", "p,,mean,70,days,s", "p,b,share_within:120d,0.5,share,s");
        var projects = HandMadeProjects();
        projects[7] = Project(D, P, 0, 12, 282);
        var one = HandMade(1, projects);
        var check = ObservedCheck.Compute(targets, [ObservedFigures.Compute(Model, HandMade(0), targets), ObservedFigures.Compute(Model, one, targets)]);

        var first = check.Rows[0];
        first.Simulated.Mean.Should().BeApproximately(495.0 / 7, Exact);
        first.Simulated.HalfWidth!.Value.Should().BeApproximately(12.7062047361747 * 5, 1e-9);
        (first.Replications, first.WithValue, first.Counted, first.Arrived, first.ArrivedAndFinished).Should().Be((2, 2, 14, 14, 10));
        first.FinishedShare.Should().BeApproximately(10.0 / 14, Exact);

        // The interval is 70.714 ± 63.531 = [7.18, 134.25]: 80 and 70 lie inside, 130 too; a lead time
        // of 140 observed would lie above (the model faster).
        check.Rows.Select(r => r.Position).Should().Equal(ObservedPosition.Inside, ObservedPosition.Inside, ObservedPosition.Inside, ObservedPosition.Below);

        // b's one project took 100 days, within 120 in both replications: the share is 1 without
        // spread, so the interval is [1, 1]; 0.5 observed lies below: the model finishes more, faster.
        check.Rows[3].Simulated.Should().BeEquivalentTo(new { Mean = 1.0, HalfWidth = 0.0, N = 2 });
        check.Rows[3].Pace.Should().Be(ModelPace.Faster);
    }

    [Theory]
    [InlineData("mean", 200, ObservedPosition.Above, ModelPace.Faster)]   // observed lead time above the model's
    [InlineData("mean", 10, ObservedPosition.Below, ModelPace.Slower)]
    [InlineData("share_within:30d", 0.9, ObservedPosition.Above, ModelPace.Slower)] // more finished in reality
    [InlineData("share_within:30d", 0.1, ObservedPosition.Below, ModelPace.Faster)]
    public void WithOneReplication_TheObservationIsPlacedAgainstTheModelsValue(string statistic, double observed, ObservedPosition position, ModelPace pace)
    {
        var unit = statistic == "mean" ? "days" : "share";
        var targets = Targets(FormattableString.Invariant($"p,,{statistic},{observed},{unit},s"));

        var row = ObservedCheck.Compute(targets, [ObservedFigures.Compute(Model, HandMade(), targets)]).Rows.Single();

        row.Simulated.HalfWidth.Should().BeNull("one replication has no interval");
        (row.Position, row.Pace).Should().Be((position, pace));
    }

    [Fact]
    public void AReplicationWithoutValue_IsLeftOutOfTheMean_AndCounted()
    {
        // In replication 1 b has no project: the mean is replication 0's alone, 100, and the row
        // says one of two replications had a value.
        var targets = Targets("p,b,mean,100,days,s");
        var without = HandMade(1, HandMadeProjects().Where(p => p.Id.Owner != B));

        var row = ObservedCheck.Compute(targets, [ObservedFigures.Compute(Model, HandMade(), targets), ObservedFigures.Compute(Model, without, targets)]).Rows.Single();

        (row.Simulated.Mean, row.WithValue, row.Replications, row.Position, row.Pace).Should().Be((100.0, 1, 2, ObservedPosition.Inside, ModelPace.Consistent));
    }

    [Fact]
    public void TheSummary_SaysInWordsHowTheModelCompares()
    {
        var targets = Targets("p,,mean,200,days,s", "p,,mean,300,days,s", "p,,mean,10,days,s", "p,,mean,460,days,s", "q,b,mean,1,days,s");
        var computed = ObservedCheck.Compute(targets, [ObservedFigures.Compute(Model, HandMade(), targets)]);

        // One replication: the observation is placed against the model's value, 460/7 for p. Make the
        // fourth equal to it, so that it is consistent.
        var check = new ObservedCheck([.. computed.Rows.Select((r, i) => i == 3 ? r with { Simulated = r.Simulated with { Mean = 460 } } : r)]);

        Presentation.Reporting.CheckWords.Summary(check).Should().Be(
            "The model is faster than 2 of 5 observations, slower than 1 and consistent with 1 (the observation within the model's 95 % interval); " +
            "1 has no simulated value (nothing of their process and region to measure in any replication).");
    }
}
