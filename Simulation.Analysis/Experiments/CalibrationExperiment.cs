using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Uncertainty;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A calibration of the scenario's uncertain parameters to observed statistics: the first
/// <see cref="CalibrationSpec.Samples"/> points of the Sobol' sequence over the unit hypercube
/// (a space-filling sample of the prior: each point mapped through the parameters'
/// distributions), each run with the same replications (common random numbers), plus the
/// scenario with its own values (cell <see cref="Own"/>, the "before" of the fit). Every
/// replication keeps the simulated counterpart of each observed statistic in its stored digest,
/// so an interrupted calibration resumes without computing anything again. Stored as a sweep is.
/// </summary>
public sealed class CalibrationExperiment : IExperiment
{
    /// <summary>The cell of the scenario with its own values.</summary>
    public const string Own = "own";

    private CalibrationExperiment(ExperimentPlan plan, ObservedData observed, IReadOnlyList<UncertainParameter> parameters, IReadOnlyList<DesignPoint> points, IReadOnlyList<ExperimentCell> cells)
    {
        Plan = plan;
        Observed = observed;
        Parameters = parameters;
        Points = points;
        Cells = cells;
    }

    public ExperimentPlan Plan { get; }

    public CalibrationSpec Spec => Plan.Calibration!;

    public ObservedData Observed { get; }

    /// <summary>The uncertain parameters, in the order of the design's coordinates.</summary>
    public IReadOnlyList<UncertainParameter> Parameters { get; }

    public IReadOnlyList<DesignPoint> Points { get; }

    /// <summary><see cref="Own"/> first, then p0, p1, ... in the design's order.</summary>
    public IReadOnlyList<ExperimentCell> Cells { get; }

    /// <summary>The points of the unit hypercube: the Sobol' sequence's first <paramref name="samples"/> points from index 0 (with a power of two, every coordinate evenly spread).</summary>
    public static double[][] UnitPoints(int samples, int parameters) => new SobolSequence(parameters).Points(0, samples);

    /// <summary>
    /// The calibration of <paramref name="plan"/> over <paramref name="scenarioText"/>: the ranges
    /// (the scenario's, or the --uncertain text the plan keeps), the observed data the plan keeps,
    /// resolved against the scenario (every problem thrown as <see cref="ObservedDataException"/>),
    /// the design's points and one cell per point. Throws <see cref="InvalidDataException"/> if the
    /// plan does not fit the scenario.
    /// </summary>
    public static CalibrationExperiment Prepare(ExperimentPlan plan, string scenarioText)
    {
        var spec = plan.Calibration ?? throw new InvalidDataException("the plan of a calibration has no calibration");
        var variant = plan.Variants.Count > 0 ? plan.Variants[0] : null;
        var (scenario, parameters) = UncertainRanges.Load(plan, scenarioText, spec.UncertainFile, spec.UncertainText, spec.Parameters);
        var observed = ObservedData.Parse(spec.ObservedText, spec.ObservedFile);

        var seed = plan.Seed ?? scenario.Definition.Seed;
        var own = new ExperimentCell(Own, UncertainRanges.RunAt(plan, scenarioText, variant, []), seed);
        ObservedTarget.Resolve(observed, own.Model, plan.ScenarioFile);

        var points = UnitPoints(spec.Samples, parameters.Count).Select((u, i) => new DesignPoint(i, u, UncertainScenario.At(parameters, u))).ToList();
        var cells = new List<ExperimentCell>(points.Count + 1) { own };
        cells.AddRange(points.Select(p => new ExperimentCell(p.Cell, UncertainRanges.RunAt(plan, scenarioText, variant, UncertainScenario.Assignments(p.Values)), seed, keep: false)));
        return new CalibrationExperiment(plan.Stamped(HeadlineMetrics.For(own.Model)), observed, parameters, points, cells);
    }

    /// <summary>Runs what <paramref name="store"/> does not hold yet, then fits the design to the observations.</summary>
    public async Task<CalibrationOutcome> RunAsync(ExperimentStore store, ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = store.LoadFinished(this);
        var replications = Plan.Replications;
        var computed = await ExperimentCell.RunMissingAsync(store, Cells, replications, finished, engine, parallelism, progress, cancellationToken,
            (model, result) => [.. ObservedFigures.Compute(model, result, ObservedTarget.Resolve(Observed, model, Plan.ScenarioFile)).Values]);
        var digests = Cells.ToDictionary(c => c.Id, c => ExperimentCell.Digests(c.Id, replications, finished));
        var result = CalibrationResult.Compute(this, digests);
        return new CalibrationOutcome(result, digests, replications, computed);
    }
}

/// <param name="Digests">Every replication of every cell, by cell.</param>
public sealed record CalibrationOutcome(CalibrationResult Result, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests, int Replications, int Computed)
    : IExperimentOutcome
{
    /// <summary>A calibration has no precision target.</summary>
    public bool? PrecisionReached => null;
}
