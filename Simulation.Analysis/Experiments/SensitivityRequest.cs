using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A sensitivity design as asked for: the method, its size, the variants run at every point, the
/// metrics analysed and the replications per point. <see cref="Plan"/> applies the rules (ranges
/// declared, known variants and metrics, a design of a size that can run) or throws
/// <see cref="ExperimentRequestException"/>.
/// </summary>
/// <param name="Samples">Sobol': base samples N (the design has N (k + 2) points); Morris: trajectories r (r (k + 1) points). Null for the default.</param>
/// <param name="Variants">The variants run at every point, the first the baseline; null for the scenario's first variant alone (or none).</param>
/// <param name="Metrics">Metric keys as in comparison.csv; null for <see cref="DefaultMetrics"/>.</param>
/// <param name="Posterior">The worlds a calibration accepted, run instead of a design (method and samples then unused); the scenario must carry the ranges it sampled (<see cref="PosteriorSample.WithRanges"/>).</param>
public sealed record SensitivityRequest(string Method, int? Samples, int Levels, IReadOnlyList<string>? Variants, IReadOnlyList<string>? Metrics, int? Replications,
    PosteriorSample? Posterior = null)
{
    public const int DefaultSobolSamples = 64;
    public const int DefaultMorrisTrajectories = 10;

    /// <summary>At most this many runs (points × variants × replications), so a typo cannot ask for a million.</summary>
    public const int MaxRuns = 200_000;

    public static readonly IReadOnlyList<string> DefaultMetrics = ["lead_time_mean", "lead_time_p90", "finished_share"];

    /// <summary>What is wrong with the options on their own, before any scenario is read; null if nothing.</summary>
    public static string? OptionProblem(string method, int? samples, int levels) => method switch
    {
        not (DesignSpec.Sobol or DesignSpec.Morris) => $"--method must be sobol or morris, found '{method}'",
        DesignSpec.Sobol when samples is < 2 => $"--samples must be at least 2 base samples for sobol, found {samples}",
        DesignSpec.Morris when samples is < 2 => $"--samples must be at least 2 trajectories for morris, found {samples}",
        DesignSpec.Morris when levels < 2 || levels % 2 != 0 => $"--levels must be an even number of at least 2 for morris, found {levels}",
        _ => null,
    };

    /// <summary>The plan of this design over <paramref name="scenario"/>'s uncertain parameters.</summary>
    /// <param name="metricKeys">The metrics a replication of this scenario measures (<see cref="HeadlineMetrics.For"/>).</param>
    public ExperimentPlan Plan(LoadedScenario scenario, ScenarioOverrides overrides, IReadOnlyList<string> metricKeys)
    {
        var parameters = scenario.Definition.Uncertain;
        if (parameters.Count == 0)
        {
            throw new ExperimentRequestException($"{scenario.File} declares no uncertain parameters; add an 'uncertain:' section or give --uncertain FILE (docs/scenario-format.md)");
        }

        var known = scenario.Definition.Variants.Select(v => v.Id).ToList();
        var variants = Variants ?? (known.Count > 0 ? [known[0]] : []);
        if (variants.Count == 0)
        {
            throw new ExperimentRequestException($"{scenario.File} defines no variants; sensitivity runs variants (a status quo at least)");
        }

        if (Variants is not null)
        {
            CompareRequest.CheckVariants(scenario, variants, minimum: 1);
        }

        var metrics = Metrics ?? DefaultMetrics;
        foreach (var m in metrics.Where(m => !metricKeys.Contains(m)))
        {
            throw new ExperimentRequestException($"--metrics: no metric '{m}' in this scenario{Scenario.Diagnostics.DidYouMean.Hint(m, metricKeys)} (metrics: {string.Join(", ", metricKeys)})");
        }

        var samples = Posterior?.Samples ?? Samples ?? (Method == DesignSpec.Sobol ? DefaultSobolSamples : DefaultMorrisTrajectories);
        var k = parameters.Count;
        if (Posterior is null && Method == DesignSpec.Sobol && k > SobolSequence.MaxDimensions / 2)
        {
            throw new ExperimentRequestException($"sobol designs take at most {SobolSequence.MaxDimensions / 2} parameters, the ranges declare {k}; screen them with --method morris first");
        }

        long points = Posterior is { } posterior ? posterior.Accepted.Count : Method == DesignSpec.Sobol ? (long)samples * (k + 2) : (long)samples * (k + 1);
        var replications = Replications ?? 1;
        var runs = points * variants.Count * replications;
        if (runs > MaxRuns)
        {
            throw new ExperimentRequestException(
                $"the design has {points:N0} points × {variants.Count} variants × {replications} replications = {runs:N0} runs; the limit is {MaxRuns:N0} (fewer --samples, or fewer parameters with --uncertain FILE)");
        }

        return ExperimentPlan.New(ExperimentPlan.SensitivityKind, scenario, overrides, replications) with
        {
            Variants = variants,
            Baseline = variants[0],
            Design = Posterior is { } sample
                ? new DesignSpec(DesignSpec.Posterior, samples, Levels, overrides.Seed ?? scenario.Definition.Seed, sample.Parameters, [.. metrics],
                    sample.UncertainFile, sample.UncertainText, sample.Accepted, sample.Folder)
                : new DesignSpec(Method, samples, Levels, overrides.Seed ?? scenario.Definition.Seed, [.. parameters.Select(p => p.Path)], [.. metrics],
                    scenario.UncertainFrom?.File, scenario.UncertainFrom?.Text),
        };
    }
}
