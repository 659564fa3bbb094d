using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// One figure over a design's points: a variant's level of a metric, or its paired difference to
/// the baseline (<see cref="Baseline"/> set), each point's value the mean over its replications
/// (a difference: the mean of the replication-by-replication differences). NaN where no
/// replication measured it (nothing finished).
/// </summary>
public sealed record SensitivityOutput(MetricDefinition Metric, string Variant, string? Baseline, double[] Values)
{
    /// <summary>"status-quo", or "democratisation - status-quo".</summary>
    public string Name => Baseline is null ? Variant : $"{Variant} - {Baseline}";
}

/// <summary>A row of indices.csv: an index of one parameter for one output, with its bootstrap interval.</summary>
public sealed record SensitivityIndex(string Metric, string Output, string Parameter, string Method, string Index, IntervalEstimate Estimate);

/// <summary>A row of robustness.csv: in how many of the design's worlds the variant beats the baseline on the metric.</summary>
public sealed record RobustnessFigure(string Variant, string Baseline, MetricDefinition Metric, WinShare Share);

/// <summary>
/// What a sensitivity design found: every output over the points, the indices of every parameter
/// for every output (Sobol' S1 and ST, or Morris mu* and sigma), the robustness of every variant
/// against the baseline, and the outputs that could not be analysed, with why.
/// </summary>
public sealed record SensitivityResult(
    IReadOnlyList<SensitivityOutput> Outputs,
    IReadOnlyList<SensitivityIndex> Indices,
    IReadOnlyList<RobustnessFigure> Robustness,
    IReadOnlyList<string> Skipped)
{
    /// <summary>Resamples of the bootstrap intervals of the indices.</summary>
    public const int Resamples = 1000;

    public static SensitivityResult Compute(SensitivityExperiment experiment, IReadOnlyList<MetricDefinition> metrics, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> digests)
    {
        var design = experiment.Design;
        var variants = experiment.Plan.Variants;
        var baseline = variants[0];
        var points = experiment.Points.Count;
        var outputs = new List<SensitivityOutput>();
        foreach (var key in design.Metrics)
        {
            var m = metrics.Select((d, i) => (d, i)).First(x => x.d.Key == key);
            foreach (var variant in variants)
            {
                outputs.Add(new SensitivityOutput(m.d, variant, null,
                    [.. Enumerable.Range(0, points).Select(p => Mean(digests[SensitivityExperiment.CellId(p, variant)].Select(r => r.Metrics[m.i])))]));
            }

            foreach (var variant in variants.Skip(1))
            {
                outputs.Add(new SensitivityOutput(m.d, variant, baseline, [.. Enumerable.Range(0, points).Select(p =>
                    Mean(digests[SensitivityExperiment.CellId(p, variant)].Zip(digests[SensitivityExperiment.CellId(p, baseline)], (v, b) => v.Metrics[m.i] - b.Metrics[m.i])))]));
            }
        }

        var bootstrap = new BootstrapSettings(Resamples, 0.95, design.Seed);
        var indices = new List<SensitivityIndex>();
        var skipped = new List<string>();
        if (design.Method == DesignSpec.Posterior)
        {
            skipped.Add($"no indices: the points are the {points} worlds the calibration in {design.PosteriorFrom} accepted, a sample of the posterior, not a Sobol' or Morris design; " +
                        "for indices within the posterior's ranges, run --method sobol with --uncertain on its calibrated.yaml");
        }
        else
        {
            foreach (var output in outputs)
            {
                var undefined = output.Values.Count(double.IsNaN);
                if (undefined > 0)
                {
                    skipped.Add($"{output.Metric.Key} of {output.Name}: not measured at {undefined} of {points} points (nothing finished there), so it has no indices");
                    continue;
                }

                indices.AddRange(IndicesOf(experiment, output, bootstrap));
            }
        }

        var robustness = variants.Skip(1)
            .SelectMany(v => outputs.Where(o => o.Variant == v && o.Baseline is not null)
                .Select(o => new RobustnessFigure(v, baseline, o.Metric, Sensitivity.Robustness.Of(o.Values, o.Metric.Better == Better.Lower))))
            .ToList();
        return new SensitivityResult(outputs, indices, robustness, skipped);
    }

    private static IEnumerable<SensitivityIndex> IndicesOf(SensitivityExperiment experiment, SensitivityOutput output, BootstrapSettings bootstrap)
    {
        var design = experiment.Design;
        var name = (int k) => experiment.Parameters[k].Path;
        if (design.Method == DesignSpec.Sobol)
        {
            foreach (var index in SobolIndices.Estimate(new SaltelliDesign(design.Samples, design.Parameters.Count), output.Values, bootstrap))
            {
                yield return new SensitivityIndex(output.Metric.Key, output.Name, name(index.Parameter), DesignSpec.Sobol, "S1", index.FirstOrder);
                yield return new SensitivityIndex(output.Metric.Key, output.Name, name(index.Parameter), DesignSpec.Sobol, "ST", index.Total);
            }
        }
        else
        {
            var morris = new MorrisDesign(design.Samples, design.Parameters.Count, design.Levels, design.Seed);
            foreach (var effect in ElementaryEffects.Estimate(morris, output.Values, bootstrap))
            {
                yield return new SensitivityIndex(output.Metric.Key, output.Name, name(effect.Parameter), DesignSpec.Morris, "mu_star", effect.MuStar);
                yield return new SensitivityIndex(output.Metric.Key, output.Name, name(effect.Parameter), DesignSpec.Morris, "sigma", effect.Sigma);
            }
        }
    }

    /// <summary>The mean of the finite values; NaN if there is none.</summary>
    private static double Mean(IEnumerable<double> values)
    {
        var (sum, n) = (0.0, 0);
        foreach (var v in values.Where(double.IsFinite))
        {
            sum += v;
            n++;
        }

        return n == 0 ? double.NaN : sum / n;
    }
}
