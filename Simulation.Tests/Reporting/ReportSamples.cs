using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Reporting;

/// <summary>
/// Experiments made by hand, with differences known in advance: "faster" cuts lead times by 20
/// days in every replication (better) and finishes exactly 5 projects a year fewer (worse);
/// "odd &lt;&amp;&gt;" (a name to escape) differs from the baseline by +2, -2, +2, ... days (no
/// clear difference); consultations and legal fictions never happen (undefined everywhere).
/// </summary>
public static class ReportSamples
{
    public const string Baseline = "baseline";
    public const string Faster = "faster";
    public const string Odd = "odd";
    public const string OddName = "odd <&>";
    public const int Replications = 5;

    public static readonly int[] Years = [2025, 2026, 2027];

    /// <summary>The headline metrics of a scenario with two processes and a law with one deadline: 10 general, 2 lead times, 2 shares finished, 1 deadline.</summary>
    public static readonly IReadOnlyList<MetricDefinition> Metrics = HeadlineMetrics.For(Runs.Spec(Runs.Parse("""
        name: sample
        seed: 1
        start: 2025-01-01
        horizon: 365d
        calendar: { kind: continuous }
        agents:
          - { id: town, kind: municipality, population: 2000, agencies: [{ id: office, staff: 1, roles: [work] }] }
        processes:
          - { id: permit, name: Building permit, steps: [{ id: s, role: work, effort: 10wd }] }
          - { id: plan, name: Land-use plan, steps: [{ id: s, role: work, effort: 10wd }] }
        jurisdiction: { work: self }
        demand: []
        shocks:
          - { id: law, name: Housing law, date: 2025-01-01, process: permit, groups: [{ name: all, deadline: 2026-06-30 }] }
        """)).Compile());

    public static int MetricIndex(string key) => Metrics.Select((m, i) => (m, i)).Single(x => x.m.Key == key).i;

    public static ReportContext Context(int replications = Replications) =>
        new("Rural district", "scenarios/rural-district.yaml", "0123456789abcdef0123", 42, new DateOnly(2025, 1, 1), 3 * 365, 90, Years,
            [
                new VariantInfo(Baseline, "Today's administration", "As the scenario file describes it.", []),
                new VariantInfo(Faster, "Merged building authorities", "Two offices become one.", ["Merge the building offices", "Add 4 staff"]),
                new VariantInfo(Odd, OddName, null, ["Rename <everything> & see"]),
            ],
            "0.1.0-test")
        {
            Replications = replications,
            Precision = 0.05,
            PrecisionReached = true,
        };

    public static ComparisonResult Comparison()
    {
        var digests = new Dictionary<string, IReadOnlyList<ReplicationDigest>>
        {
            [Baseline] = Digests(Baseline, r => 0),
            [Faster] = Digests(Faster, r => -20),
            [Odd] = Digests(Odd, r => r % 2 == 0 ? 2 : -2),
        };
        return ComparisonResult.Compute(Metrics, [Baseline, Faster, Odd], Baseline, digests);
    }

    /// <summary>A sweep over a deadline in working days (numeric, with a unit) and a scale factor: 3 × 2 points.</summary>
    public static SweepResult Sweep(params string[] firstValues)
    {
        SweepParameter[] parameters = [new("rules.deadline", firstValues.Length > 0 ? firstValues : ["10wd", "20wd", "40wd"]), new("demand.scale", ["1", "2"])];
        var points = parameters[0].Values.SelectMany(a => parameters[1].Values.Select(b => new[] { a, b })).Select((v, i) => new SweepPoint(i, v)).ToList();
        var cells = points.Select(p => CellSummary.Of(p.Cell, Digests(p.Cell, r => 5 * p.Index))).ToList();
        return new SweepResult(parameters, points, Metrics, cells);
    }

    /// <summary>The replications of one cell; <paramref name="shift"/> moves its lead times replication by replication.</summary>
    private static List<ReplicationDigest> Digests(string cell, Func<int, double> shift) =>
        [.. Enumerable.Range(0, Replications).Select(r =>
        {
            var leadTime = 100 + 3 * r + shift(r);
            var throughput = 50 + r - (cell == Faster ? 5 : 0);
            double[] metrics = [leadTime, 1.8 * leadTime, throughput, 12.5 + r, 0.97, 0.25, 3, 0.8 + 0.01 * r, 700 + r, 4 + 0.1 * r, double.NaN, double.NaN, leadTime - 10, leadTime + 40, 0.98, 0.95, 0.9 - 0.02 * r];
            double[] percentiles = [.. Enumerable.Range(0, ReplicationDigest.Percentiles).Select(i => leadTime * (0.3 + 1.4 * i / 100.0))];
            var agencies = Enumerable.Range(0, 11).Select(a => new AgencyFigures(
                $"agent{a / 3}", $"office{a}", $"Office {a}", $"Municipality {a / 3}", 2 + a, IsCouncil: a == 10,
                Utilisation: 0.4 + 0.05 * a + 0.01 * r, WaitingCaused: 1000 * a + 10 * r, DeterminingShare: a == 10 ? 0 : (cell == Faster ? 10 - a : a + 1) / 55.0,
                YearUtilisation: [.. Years.Select((y, i) => Math.Min(1.05, 0.3 + 0.06 * a + 0.1 * i))])).ToArray();
            DeadlineFigures[] deadlines = [new("law", "Housing law", "all", new DateOnly(2026, 6, 30), 40, 36 - r, 2, 2 + r)];
            return new ReplicationDigest(cell, r, metrics, percentiles, agencies, deadlines, 1000);
        })];
}
