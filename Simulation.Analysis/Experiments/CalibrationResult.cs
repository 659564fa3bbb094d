using IsdnSim.Analysis.Calibration;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// What a calibration finds (docs/uncertainty.md, "Calibrating"): history matching rules out every
/// design point at which some observed statistic has implausibility above 3; of the others,
/// rejection ABC accepts the closest <see cref="CalibrationSpec.Accept"/> of all points, by the
/// sum of squared relative differences to the observed values. No point left: no world of the
/// prior reproduces the data, and nothing is presented as a fit. <see cref="Distances"/> are every
/// point's distances, ruled out or not; <see cref="Abc"/>'s are those ABC ranked (+infinity for
/// the points ruled out).
/// </summary>
public sealed record CalibrationResult(
    IReadOnlyList<UncertainParameter> Parameters,
    IReadOnlyList<DesignPoint> Points,
    IReadOnlyList<ObservedRow> Observations,
    IReadOnlyList<CalibrationPoint> Design,
    IReadOnlyList<Estimate> Before,
    HistoryMatchResult Matching,
    IReadOnlyList<double> Distances,
    AbcResult Abc,
    IReadOnlyList<ParameterPosterior> Posterior,
    IReadOnlyList<FitRow> Fit)
{
    /// <summary>
    /// ASSUMPTION: the standard deviation of an observation's error, as a share of the observed
    /// value (the observed files state no uncertainty; a mean of a year's permits in one Land
    /// reported to two digits is taken to be within about 10 % of the truth for the model's region).
    /// </summary>
    public const double ObservationError = 0.1;

    /// <summary>
    /// ASSUMPTION: the standard deviation of the model discrepancy, as a share of the observed
    /// value (how far even the best parameter values may leave a model of a made-up district from
    /// a real region's figure).
    /// </summary>
    public const double Discrepancy = 0.1;

    /// <summary>The accepted points, closest first; empty when no world reproduces the data.</summary>
    public IReadOnlyList<int> Accepted => Abc.Accepted;

    /// <summary>Whether any point of the design is not ruled out by history matching.</summary>
    public bool Reproduced => Matching.NotImplausible.Count > 0;

    /// <summary>The scale of an observed value in the distance: the value itself (a relative difference), 1 for an observed 0.</summary>
    public static double Scale(double observed) => observed == 0 ? 1 : Math.Abs(observed);

    public static CalibrationResult Compute(CalibrationExperiment experiment, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> digests)
    {
        var rows = experiment.Observed.Rows;
        var points = experiment.Points;
        var replications = experiment.Plan.Replications;
        var design = points.Select(p => CalibrationPoint.Of(digests[p.Cell], rows.Count)).ToList();
        var own = digests[CalibrationExperiment.Own];
        var before = Enumerable.Range(0, rows.Count).Select(s => Estimate.Of(Finite(own, s))).ToList();

        var matchTargets = rows.Select(r => new HistoryMatchTarget(r.Value, Square(ObservationError * r.Value), Square(Discrepancy * r.Value))).ToList();
        var matching = HistoryMatching.Match(
            [.. design.Select(d => (IReadOnlyList<double>)d.Means)],
            [.. design.Select(d => (IReadOnlyList<double>)d.Variances.Select(v => HistoryMatching.ModelVariance(v, replications)).ToArray())],
            matchTargets);

        var abcTargets = rows.Select(r => new AbcTarget(r.Value, Scale(r.Value))).ToList();
        var raw = RejectionAbc.Distances([.. design.Select(d => (IReadOnlyList<double>)d.Means)], abcTargets);
        var kept = matching.NotImplausible.ToHashSet();
        var distances = raw.Select((d, p) => kept.Contains(p) ? d : double.PositiveInfinity).ToArray();

        var abc = RejectionAbc.AcceptClosest(distances, experiment.Spec.Accept);
        var posterior = experiment.Parameters.Select((parameter, i) => ParameterPosterior.Of(parameter, abc.Accepted.Select(p => points[p].Values[i]).ToList(), i)).ToList();
        var fit = rows.Select((row, s) => FitRow.Of(row, before[s], abc.Accepted.Select(p => design[p].Means[s]).ToList(),
            matching.Implausibility.Count == 0 ? double.NaN : matching.Implausibility.Min(i => i[s]),
            matching.Implausibility.Count(i => i[s] <= matching.Cutoff))).ToList();
        return new CalibrationResult(experiment.Parameters, points, rows, design, before, matching, raw, abc, posterior, fit);
    }

    private static double Square(double x) => x * x;

    internal static double[] Finite(IReadOnlyList<ReplicationDigest> digests, int statistic) =>
        [.. digests.Select(d => d.Observed![statistic].Value).Where(double.IsFinite)];
}

/// <summary>One design point's statistics over its replications: the mean and the sample variance of each (NaN mean where no replication has a value; variance 0 below two).</summary>
public sealed record CalibrationPoint(double[] Means, double[] Variances)
{
    public static CalibrationPoint Of(IReadOnlyList<ReplicationDigest> digests, int statistics)
    {
        var means = new double[statistics];
        var variances = new double[statistics];
        for (var s = 0; s < statistics; s++)
        {
            var e = Estimate.Of(CalibrationResult.Finite(digests, s));
            means[s] = e.N == 0 ? double.NaN : e.Mean;
            variances[s] = e.StandardDeviation is { } sd ? sd * sd : 0;
        }

        return new CalibrationPoint(means, variances);
    }
}

/// <summary>
/// One parameter's posterior: the summary of its values at the accepted points (numbers in the
/// parameter's canonical unit), and for a parameter whose values are words, how often each
/// value of its list was accepted.
/// </summary>
public sealed record ParameterPosterior(UncertainParameter Parameter, PosteriorSummary Summary, IReadOnlyList<(string Value, int Count)> Values)
{
    public bool IsWords => Parameter.Distribution.Numbers.Any(double.IsNaN);

    /// <summary>The width of the 90 % interval as a share of the prior's range; NaN for words or without accepted points.</summary>
    public double Narrowing => IsWords || Summary.Accepted == 0 ? double.NaN
        : (Summary.P95 - Summary.P5) / (Parameter.Distribution.High - Parameter.Distribution.Low);

    public static ParameterPosterior Of(UncertainParameter parameter, IReadOnlyList<UncertainValue> accepted, int index)
    {
        var words = parameter.Distribution.Numbers.Any(double.IsNaN);
        var summary = words
            ? PosteriorSummary.Of(index, [])
            : PosteriorSummary.Of(index, accepted.Select(v => v.Number));
        var counts = parameter.Distribution.Shape == UncertainShape.Discrete
            ? parameter.Distribution.Written.Distinct(StringComparer.Ordinal).Select(w => (w, accepted.Count(v => v.Text == w))).ToList()
            : [];
        return new ParameterPosterior(parameter, summary with { Accepted = accepted.Count }, counts);
    }
}

/// <summary>
/// One observed statistic before and after calibration: the scenario's own values (mean over
/// replications with its 95 % interval), the accepted worlds (the mean of their point means,
/// and the 5th and 95th percentiles over the worlds), and how close any world of the design came
/// to it alone (its smallest implausibility, and the worlds within the cut-off for it).
/// </summary>
public sealed record FitRow(ObservedRow Observation, Estimate Before, double After, double AfterP5, double AfterP95, double BestImplausibility, int WorldsWithin)
{
    public static FitRow Of(ObservedRow row, Estimate before, IReadOnlyList<double> accepted, double best, int within)
    {
        var sorted = accepted.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0
            ? new FitRow(row, before, double.NaN, double.NaN, double.NaN, best, within)
            : new FitRow(row, before, sorted.Average(), Quantiles.OfSorted(sorted, 0.05), Quantiles.OfSorted(sorted, 0.95), best, within);
    }
}
