using IsdnSim.Core.Engine;
using IsdnSim.Core.Model;
using IsdnSim.Core.Scenario;

namespace IsdnSim.Core.Experiments;

/// <summary>
/// Runs every variant of a comparison for the same replications (common random numbers: the
/// same seed and replication give every variant the same projects with the same work), in
/// rounds when a precision is asked for, skipping replications already in the store.
/// </summary>
public sealed class CompareExperiment
{
    private CompareExperiment(ExperimentStore store, IReadOnlyList<(string Variant, RunSpec Spec, SimulationModel Model)> cells)
    {
        Store = store;
        Cells = cells;
    }

    public ExperimentStore Store { get; }

    public IReadOnlyList<(string Variant, RunSpec Spec, SimulationModel Model)> Cells { get; }

    public ExperimentPlan Plan => Store.Plan;

    /// <summary>Compiles every variant of the plan from the stored scenario text.</summary>
    public static CompareExperiment Prepare(ExperimentStore store)
    {
        var plan = store.Plan;
        var scenario = ScenarioLoader.Parse(store.ScenarioText, plan.ScenarioFile);
        var cells = plan.Variants.Select(v =>
        {
            var spec = RunSpec.From(scenario, new ScenarioOverrides(plan.Seed, null, plan.HorizonDays, v, plan.WarmupDays));
            return (v, spec, spec.Compile());
        }).ToList();
        return new CompareExperiment(store, cells);
    }

    public async Task<CompareOutcome> RunAsync(ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = Store.LoadFinished();
        var plan = Plan;
        var replications = plan.Replications;
        var metrics = HeadlineMetrics.For(Cells[0].Model);
        var computed = 0;
        while (true)
        {
            var jobs = new List<(string Cell, ReplicationJob Job)>();
            foreach (var (variant, spec, model) in Cells)
            {
                jobs.AddRange(Enumerable.Range(0, replications)
                    .Where(r => !finished.ContainsKey((variant, r)))
                    .Select(r => (variant, new ReplicationJob(spec, model, r))));
            }

            var gate = new object();
            await BatchRunner.RunAsync(engine, [.. jobs.Select(j => j.Job)], parallelism, progress, cancellationToken, (index, result) =>
            {
                var (cell, job) = jobs[index];
                var digest = ReplicationDigest.From(cell, job.Model, result);
                Store.Save(digest);
                lock (gate)
                {
                    finished[(cell, job.Replication)] = digest;
                    computed++;
                }
            });

            var result = Compare(metrics, finished, replications);
            var next = plan.Precision is { } p ? PrecisionRule.Next(result, p, replications, plan.MaxReplications) : null;
            if (next is null)
            {
                return new CompareOutcome(result, replications, computed, plan.Precision is { } target ? PrecisionRule.Reached(result, target) : null);
            }

            replications = next.Value;
        }
    }

    private ComparisonResult Compare(IReadOnlyList<MetricDefinition> metrics, Dictionary<(string Cell, int Replication), ReplicationDigest> finished, int replications)
    {
        var digests = Plan.Variants.ToDictionary(
            v => v,
            v => (IReadOnlyList<ReplicationDigest>)[.. Enumerable.Range(0, replications).Select(r => finished[(v, r)])]);
        return ComparisonResult.Compute(metrics, Plan.Variants, Plan.Baseline ?? Plan.Variants[0], digests);
    }
}

/// <param name="Replications">Replications of every variant in the result.</param>
/// <param name="Computed">Replications this call computed (the rest came from the store).</param>
/// <param name="PrecisionReached">With a precision target: whether it was reached before the cap.</param>
public sealed record CompareOutcome(ComparisonResult Result, int Replications, int Computed, bool? PrecisionReached);
