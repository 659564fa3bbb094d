using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// Runs every variant of a comparison for the same replications (common random numbers: the
/// same seed and replication give every variant the same projects with the same work), in
/// rounds when a precision is asked for, skipping replications already in the store.
/// </summary>
public sealed class CompareExperiment : IExperiment
{
    private CompareExperiment(ExperimentPlan plan, IReadOnlyList<ExperimentCell> cells)
    {
        Plan = plan;
        Cells = cells;
    }

    /// <summary>The variants, compiled, in the plan's order.</summary>
    public IReadOnlyList<ExperimentCell> Cells { get; }

    public ExperimentPlan Plan { get; }

    /// <summary>Compiles every variant of the plan; throws <see cref="ScenarioException"/> if the scenario text is not valid.</summary>
    public static CompareExperiment Prepare(ExperimentPlan plan, string scenarioText)
    {
        var scenario = ScenarioLoader.Parse(scenarioText, plan.ScenarioFile);
        var cells = plan.Variants.Select(v =>
        {
            var spec = RunSpec.From(scenario, new ScenarioOverrides(plan.Seed, null, plan.HorizonDays, v, plan.WarmupDays));
            var model = spec.Compile();
            return new ExperimentCell(v, spec, model.Seed, model);
        }).ToList();
        return new CompareExperiment(plan.Stamped(HeadlineMetrics.For(cells[0].Model)), cells);
    }

    /// <summary>Runs what <paramref name="store"/> does not hold yet; the store must hold this experiment's plan.</summary>
    public async Task<CompareOutcome> RunAsync(ExperimentStore store, ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = store.LoadFinished(this);
        var plan = Plan;
        var replications = plan.Replications;
        var metrics = HeadlineMetrics.For(Cells[0].Model);
        var computed = 0;
        while (true)
        {
            computed += await ExperimentCell.RunMissingAsync(store, Cells, replications, finished, engine, parallelism, progress, cancellationToken);
            var digests = plan.Variants.ToDictionary(v => v, v => ExperimentCell.Digests(v, replications, finished));
            var result = ComparisonResult.Compute(metrics, plan.Variants, plan.Baseline ?? plan.Variants[0], digests);
            var next = plan.Precision is { } p ? PrecisionRule.Next(result, p, replications, plan.MaxReplications) : null;
            if (next is null)
            {
                return new CompareOutcome(result, digests, replications, computed, plan.Precision is { } target ? PrecisionRule.Reached(result, target) : null);
            }

            replications = next.Value;
        }
    }
}

/// <param name="Digests">Every replication of every variant in the result, by variant, for the tidy table of runs.</param>
/// <param name="Replications">Replications of every variant in the result.</param>
/// <param name="Computed">Replications this call computed (the rest came from the store).</param>
/// <param name="PrecisionReached">With a precision target: whether it was reached before the cap.</param>
public sealed record CompareOutcome(
    ComparisonResult Result,
    IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests,
    int Replications,
    int Computed,
    bool? PrecisionReached) : IExperimentOutcome;
