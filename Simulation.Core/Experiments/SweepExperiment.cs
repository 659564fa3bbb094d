using IsdnSim.Core.Engine;
using IsdnSim.Core.Scenario;

namespace IsdnSim.Core.Experiments;

/// <summary>
/// Runs every point of a sweep's grid for the same replications (common random numbers across
/// the grid), skipping replications already in the store.
/// </summary>
public sealed class SweepExperiment
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
    /// Sets each point's values in the stored scenario text and compiles it. Throws
    /// <see cref="SweepPointException"/> for the first point whose scenario is not valid.
    /// </summary>
    public static SweepExperiment Prepare(ExperimentPlan plan, string scenarioText)
    {
        var points = SweepGrid.Points(plan.Parameters);
        var variant = plan.Variants.Count > 0 ? plan.Variants[0] : null;
        var cells = new List<ExperimentCell>();
        foreach (var point in points)
        {
            var values = plan.Parameters.Select((p, k) => (p.Path, point.Values[k])).ToList();
            var text = ScenarioPatch.Apply(scenarioText, values);
            try
            {
                var scenario = ScenarioLoader.Parse(text, plan.ScenarioFile);
                var spec = RunSpec.From(scenario, new ScenarioOverrides(plan.Seed, null, plan.HorizonDays, variant, plan.WarmupDays));
                cells.Add(new ExperimentCell(point.Cell, spec, spec.Compile()));
            }
            catch (ScenarioException e)
            {
                throw new SweepPointException(string.Join(", ", values.Select(v => $"{v.Path}={v.Item2}")), e);
            }
        }

        return new SweepExperiment(plan, points, cells);
    }

    /// <summary>Runs what <paramref name="store"/> does not hold yet; the store must hold this experiment's plan.</summary>
    public async Task<SweepOutcome> RunAsync(ExperimentStore store, ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = store.LoadFinished();
        var replications = Plan.Replications;
        var computed = await ExperimentCell.RunMissingAsync(store, Cells, replications, finished, engine, parallelism, progress, cancellationToken);
        var summaries = Cells.Select(c => CellSummary.Of(c.Id, ExperimentCell.Digests(c.Id, replications, finished))).ToList();
        var result = new SweepResult(Plan.Parameters, Points, HeadlineMetrics.For(Cells[0].Model), summaries);
        var digests = Cells.ToDictionary(c => c.Id, c => ExperimentCell.Digests(c.Id, replications, finished));
        return new SweepOutcome(result, digests, replications, computed);
    }
}

/// <summary>A point of a sweep whose scenario is not valid: which values, and what the loader said.</summary>
public sealed class SweepPointException(string point, ScenarioException inner)
    : Exception($"with {point}: {inner.Message}", inner)
{
    public string Point { get; } = point;

    public ScenarioException Scenario { get; } = inner;
}

/// <param name="Digests">Every replication of every point, by point cell, for the tidy table of runs.</param>
public sealed record SweepOutcome(SweepResult Result, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests, int Replications, int Computed);
