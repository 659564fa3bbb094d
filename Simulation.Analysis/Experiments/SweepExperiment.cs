using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// Runs every point of a sweep's grid for the same replications (common random numbers across
/// the grid), skipping replications already in the store. With variants to compare, every
/// variant runs at every point with the same replications, and each point is a comparison of
/// its own: the paired differences to the baseline, computed as <c>compare</c> computes them.
/// </summary>
public sealed class SweepExperiment : IExperiment
{
    private SweepExperiment(ExperimentPlan plan, IReadOnlyList<SweepPoint> points, IReadOnlyList<ExperimentCell> cells)
    {
        Plan = plan;
        Points = points;
        Cells = cells;
    }

    public ExperimentPlan Plan { get; }

    public IReadOnlyList<SweepPoint> Points { get; }

    /// <summary>Point by point, and within a point variant by variant (one cell per point without variants to compare).</summary>
    public IReadOnlyList<ExperimentCell> Cells { get; }

    /// <summary>The variants compared at every point, baseline first; empty when the sweep compares none.</summary>
    public IReadOnlyList<string> Compared => Compares(Plan) ? Plan.Variants : [];

    /// <summary>Whether a sweep's plan compares variants at every point (rather than applying one or none).</summary>
    public static bool Compares(ExperimentPlan plan) => plan.Variants.Count > 1;

    /// <summary>The cell of a point and a variant: the point's own name (p0) without variants to compare, else p0.&lt;variant&gt;.</summary>
    public static string CellId(SweepPoint point, string? variant) => variant is null ? point.Cell : $"{point.Cell}.{variant}";

    /// <summary>
    /// Sets each point's values in the scenario text and checks the result as a run would: the
    /// file, the variant(s), and the command line's horizon and warm-up against the point's values.
    /// Throws <see cref="SweepPointException"/> for the first point that is not a valid scenario.
    /// Models are compiled when their replications run (only the first cell's is kept, for the
    /// metrics and the report), so a large grid does not hold thousands of models.
    /// </summary>
    public static SweepExperiment Prepare(ExperimentPlan plan, string scenarioText)
    {
        var points = SweepGrid.Points(plan.Parameters);
        IReadOnlyList<string?> variants = plan.Variants.Count > 0 ? [.. plan.Variants] : [(string?)null];
        var compares = Compares(plan);
        var cells = new List<ExperimentCell>();
        foreach (var point in points)
        {
            var values = plan.Parameters.Select((p, k) => (p.Path, point.Values[k])).ToList();
            var named = string.Join(", ", values.Select(v => $"{v.Path}={v.Item2}"));
            LoadedScenario scenario;
            try
            {
                scenario = ScenarioLoader.Parse(ScenarioPatch.Apply(scenarioText, values), plan.ScenarioFile);
            }
            catch (ScenarioException e)
            {
                throw new SweepPointException(named, [.. e.Diagnostics.Select(d => d.ToString())]);
            }

            foreach (var variant in variants)
            {
                var overrides = new ScenarioOverrides(plan.Seed, null, plan.HorizonDays, variant, plan.WarmupDays);
                if (variant is not null && scenario.Definition.Variants.All(v => v.Id != variant))
                {
                    throw new SweepPointException(named, [$"{plan.ScenarioFile}: error: no variant '{variant}' at this point (a --set changed its id)"]);
                }

                var horizonText = plan.HorizonDays is { } h ? $"{h}d" : "";
                if (overrides.Problem(scenario.Definition, horizonText) is { } problem)
                {
                    throw new SweepPointException(named, [$"{plan.ScenarioFile}: error: {problem}"]);
                }

                var spec = RunSpec.From(scenario, overrides);
                var seed = overrides.Seed ?? scenario.Definition.Seed;
                var id = CellId(point, compares ? variant : null);
                cells.Add(cells.Count == 0 ? new ExperimentCell(id, spec, seed) : new ExperimentCell(id, spec, seed, keep: false));
            }
        }

        return new SweepExperiment(plan.Stamped(HeadlineMetrics.For(cells[0].Model)), points, cells);
    }

    /// <summary>Runs what <paramref name="store"/> does not hold yet; the store must hold this experiment's plan.</summary>
    public async Task<SweepOutcome> RunAsync(ExperimentStore store, ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = store.LoadFinished(this);
        var replications = Plan.Replications;
        var computed = await ExperimentCell.RunMissingAsync(store, Cells, replications, finished, engine, parallelism, progress, cancellationToken);
        var metrics = HeadlineMetrics.For(Cells[0].Model);
        var digests = Cells.ToDictionary(c => c.Id, c => ExperimentCell.Digests(c.Id, replications, finished));
        var result = Compared.Count == 0
            ? new SweepResult(Plan.Parameters, Points, metrics, [.. Cells.Select(c => CellSummary.Of(c.Id, digests[c.Id]))])
            : Comparisons(metrics, digests);
        return new SweepOutcome(result, digests, replications, computed);
    }

    /// <summary>Each point as a comparison of its variants, exactly as <c>compare</c> makes one (<see cref="ComparisonResult.Compute"/>).</summary>
    private SweepResult Comparisons(IReadOnlyList<MetricDefinition> metrics, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> digests)
    {
        var comparisons = Points.Select(point => ComparisonResult.Compute(metrics, [.. Compared.Select(v => CellId(point, v))], CellId(point, Compared[0]), digests)).ToList();
        return new SweepResult(Plan.Parameters, Points, metrics, [.. comparisons.SelectMany(c => c.Cells)])
        {
            Variants = Compared,
            Comparisons = comparisons,
        };
    }
}

/// <summary>A point of a sweep whose scenario is not valid: which values, and what is wrong (file:line:column where known).</summary>
public sealed class SweepPointException(string point, IReadOnlyList<string> problems)
    : Exception($"with {point}: {string.Join("; ", problems)}")
{
    public string Point { get; } = point;

    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <param name="Digests">Every replication of every cell, by cell, for the tidy table of runs.</param>
public sealed record SweepOutcome(SweepResult Result, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests, int Replications, int Computed)
    : IExperimentOutcome
{
    /// <summary>A sweep has no precision target.</summary>
    public bool? PrecisionReached => null;
}
