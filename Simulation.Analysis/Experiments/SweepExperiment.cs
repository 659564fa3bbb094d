using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// Runs every point of a sweep's grid for the same replications (common random numbers across
/// the grid), skipping replications already in the store.
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

    /// <summary>Aligned with <see cref="Points"/>.</summary>
    public IReadOnlyList<ExperimentCell> Cells { get; }

    /// <summary>
    /// Sets each point's values in the scenario text and checks the result as a run would: the
    /// file, the variant, and the command line's horizon and warm-up against the point's values.
    /// Throws <see cref="SweepPointException"/> for the first point that is not a valid scenario.
    /// Models are compiled when their replications run (only the first point's is kept, for the
    /// metrics and the report), so a large grid does not hold thousands of models.
    /// </summary>
    public static SweepExperiment Prepare(ExperimentPlan plan, string scenarioText)
    {
        var points = SweepGrid.Points(plan.Parameters);
        var variant = plan.Variants.Count > 0 ? plan.Variants[0] : null;
        var overrides = new ScenarioOverrides(plan.Seed, null, plan.HorizonDays, variant, plan.WarmupDays);
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
            cells.Add(cells.Count == 0 ? new ExperimentCell(point.Cell, spec, seed) : new ExperimentCell(point.Cell, spec, seed, keep: false));
        }

        return new SweepExperiment(plan.Stamped(HeadlineMetrics.For(cells[0].Model)), points, cells);
    }

    /// <summary>Runs what <paramref name="store"/> does not hold yet; the store must hold this experiment's plan.</summary>
    public async Task<SweepOutcome> RunAsync(ExperimentStore store, ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = store.LoadFinished(this);
        var replications = Plan.Replications;
        var computed = await ExperimentCell.RunMissingAsync(store, Cells, replications, finished, engine, parallelism, progress, cancellationToken);
        var summaries = Cells.Select(c => CellSummary.Of(c.Id, ExperimentCell.Digests(c.Id, replications, finished))).ToList();
        var result = new SweepResult(Plan.Parameters, Points, HeadlineMetrics.For(Cells[0].Model), summaries);
        var digests = Cells.ToDictionary(c => c.Id, c => ExperimentCell.Digests(c.Id, replications, finished));
        return new SweepOutcome(result, digests, replications, computed);
    }
}

/// <summary>A point of a sweep whose scenario is not valid: which values, and what is wrong (file:line:column where known).</summary>
public sealed class SweepPointException(string point, IReadOnlyList<string> problems)
    : Exception($"with {point}: {string.Join("; ", problems)}")
{
    public string Point { get; } = point;

    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <param name="Digests">Every replication of every point, by point cell, for the tidy table of runs.</param>
public sealed record SweepOutcome(SweepResult Result, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests, int Replications, int Computed)
    : IExperimentOutcome
{
    /// <summary>A sweep has no precision target.</summary>
    public bool? PrecisionReached => null;
}
