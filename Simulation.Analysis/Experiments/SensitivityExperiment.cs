using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Uncertainty;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A design over the scenario's uncertain parameters (Saltelli's scheme for Sobol' indices, or
/// Morris trajectories): each point of the unit hypercube is mapped through the parameters'
/// distributions to values, which are set in the scenario's text as <c>sweep --set</c> sets them,
/// and every variant runs at every point with the same replications (common random numbers), so
/// each point gives each variant's level and its paired difference to the baseline. Stored and
/// resumed as a sweep is; the points are not compiled ahead (a design has thousands), the ends of
/// every range having been checked when the scenario was validated.
/// </summary>
public sealed class SensitivityExperiment : IExperiment
{
    private SensitivityExperiment(ExperimentPlan plan, IReadOnlyList<UncertainParameter> parameters, IReadOnlyList<DesignPoint> points, IReadOnlyList<ExperimentCell> cells)
    {
        Plan = plan;
        Parameters = parameters;
        Points = points;
        Cells = cells;
    }

    public ExperimentPlan Plan { get; }

    public DesignSpec Design => Plan.Design!;

    /// <summary>The uncertain parameters of the design, in its order.</summary>
    public IReadOnlyList<UncertainParameter> Parameters { get; }

    public IReadOnlyList<DesignPoint> Points { get; }

    /// <summary>Point by point, and within a point variant by variant (<see cref="CellId"/>).</summary>
    public IReadOnlyList<ExperimentCell> Cells { get; }

    /// <summary>The cell of a design point and a variant: p0.status-quo, p0.democratisation, p1...</summary>
    public static string CellId(int point, string variant) => $"p{point}.{variant}";

    /// <summary>The points of the unit hypercube the design runs, [point][parameter].</summary>
    public static double[][] UnitPoints(DesignSpec design) => design.Method switch
    {
        DesignSpec.Sobol => new SaltelliDesign(design.Samples, design.Parameters.Count).Points(),
        DesignSpec.Morris => new MorrisDesign(design.Samples, design.Parameters.Count, design.Levels, design.Seed).Points(),
        DesignSpec.Posterior when design.Worlds is { } worlds => Select(CalibrationExperiment.UnitPoints(design.Samples, design.Parameters.Count), worlds),
        _ => throw new InvalidDataException($"unknown design method '{design.Method}' (sobol, morris, or posterior with its worlds)"),
    };

    /// <summary>The calibration's points that are the accepted worlds, in the order accepted.</summary>
    private static double[][] Select(double[][] sample, IReadOnlyList<int> worlds) => [.. worlds.Select(w => sample[w])];

    /// <summary>
    /// The experiment of <paramref name="plan"/> over <paramref name="scenarioText"/>: the
    /// parameters found under <c>uncertain:</c> (of the scenario, or of the --uncertain text the plan
    /// keeps), the design's points and their values, one cell per point and variant. Throws
    /// <see cref="InvalidDataException"/> if the plan does not fit the scenario.
    /// </summary>
    public static SensitivityExperiment Prepare(ExperimentPlan plan, string scenarioText)
    {
        var design = plan.Design ?? throw new InvalidDataException("the plan of a sensitivity experiment has no design");
        var (scenario, parameters) = UncertainRanges.Load(plan, scenarioText, design.UncertainFile, design.UncertainText, design.Parameters);
        var points = UnitPoints(design).Select((u, i) => new DesignPoint(i, u, UncertainScenario.At(parameters, u))).ToList();
        var seed = plan.Seed ?? scenario.Definition.Seed;
        var cells = new List<ExperimentCell>(points.Count * plan.Variants.Count);
        foreach (var point in points)
        {
            var set = UncertainScenario.Assignments(point.Values);
            foreach (var variant in plan.Variants)
            {
                cells.Add(new ExperimentCell(CellId(point.Index, variant), UncertainRanges.RunAt(plan, scenarioText, variant, set), seed, keep: cells.Count == 0, group: point.Cell));
            }
        }

        return new SensitivityExperiment(plan.Stamped(HeadlineMetrics.For(cells[0].Model)), parameters, points, cells);
    }

    /// <summary>Runs what <paramref name="store"/> does not hold yet, then analyses every point.</summary>
    public async Task<SensitivityOutcome> RunAsync(ExperimentStore store, ISimulationEngine engine, int parallelism, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var finished = store.LoadFinished(this);
        var replications = Plan.Replications;
        var computed = await ExperimentCell.RunMissingAsync(store, Cells, replications, finished, engine, parallelism, progress, cancellationToken);
        var digests = Cells.ToDictionary(c => c.Id, c => ExperimentCell.Digests(c.Id, replications, finished));
        var result = SensitivityResult.Compute(this, HeadlineMetrics.For(Cells[0].Model), digests);
        return new SensitivityOutcome(result, digests, replications, computed);
    }
}

/// <summary>A point of a design: its place in the unit hypercube and the parameters' values there.</summary>
public sealed record DesignPoint(int Index, double[] Unit, IReadOnlyList<UncertainValue> Values)
{
    public string Cell => $"p{Index}";
}

/// <param name="Digests">Every replication of every cell, by cell, for the tidy table of runs.</param>
public sealed record SensitivityOutcome(SensitivityResult Result, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests, int Replications, int Computed)
    : IExperimentOutcome
{
    /// <summary>A design has no precision target.</summary>
    public bool? PrecisionReached => null;
}
