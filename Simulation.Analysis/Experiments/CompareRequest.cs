using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A comparison as asked for: which variants, against which baseline, and how many
/// replications. <see cref="Plan"/> applies the rules of a comparison (at least two distinct
/// variants of the scenario, the baseline among them, a precision target with room to add
/// replications) and gives the plan, or throws <see cref="ExperimentRequestException"/>.
/// </summary>
/// <param name="Variants">The variants, in the order given; null for all of the scenario's.</param>
/// <param name="Baseline">The variant the others are measured against; null for the first.</param>
/// <param name="Replications">Replications of the first round; null for the scenario's own.</param>
/// <param name="Precision">Target half-width of the key differences relative to the baseline's mean; null for a fixed number.</param>
/// <param name="MaxReplications">With a precision target, the most replications it may take; null for <see cref="DefaultMaxReplications"/>.</param>
public sealed record CompareRequest(IReadOnlyList<string>? Variants, string? Baseline, int? Replications, double? Precision, int? MaxReplications)
{
    public const int DefaultMaxReplications = 100;

    /// <summary>What is wrong with the precision options on their own, before any scenario is read; null if nothing.</summary>
    public static string? OptionProblem(double? precision, int? maxReplications)
    {
        if (precision is not null and (<= 0 or >= 1))
        {
            return $"--precision must be a share between 0 and 1 (0.05 for 5 % of the baseline's mean), found {precision}";
        }

        if (maxReplications is not null && precision is null)
        {
            return "--max-replications goes with --precision";
        }

        return maxReplications is < 2 or > ScenarioLimits.MaxReplications
            ? $"--max-replications must be between 2 and {ScenarioLimits.MaxReplications:N0}, found {maxReplications}"
            : null;
    }

    /// <summary>
    /// The rule of the variants of a comparison (or of a sweep that compares variants at every
    /// point): at least two, each a variant of <paramref name="scenario"/>, none listed twice.
    /// Throws <see cref="ExperimentRequestException"/> naming the first that breaks it.
    /// </summary>
    public static void CheckVariants(LoadedScenario scenario, IReadOnlyList<string> variants, int minimum = 2)
    {
        var known = scenario.Definition.Variants.Select(v => v.Id).ToList();
        foreach (var v in variants.Where(v => !known.Contains(v)))
        {
            throw new ExperimentRequestException(known.Count == 0
                ? $"--variants: {scenario.File} defines no variants"
                : $"--variants: no variant '{v}' in {scenario.File}{DidYouMean.Hint(v, known)} (variants: {string.Join(", ", known)})");
        }

        if (variants.Count < minimum)
        {
            throw new ExperimentRequestException($"a comparison needs at least two variants, found {variants.Count} ({string.Join(", ", variants)})");
        }

        if (variants.Distinct().Count() != variants.Count)
        {
            throw new ExperimentRequestException("--variants: a variant is listed twice");
        }
    }

    /// <summary>The plan of this comparison of <paramref name="scenario"/>'s variants; the baseline's column comes first.</summary>
    public ExperimentPlan Plan(LoadedScenario scenario, ScenarioOverrides overrides)
    {
        var variants = Variants ?? [.. scenario.Definition.Variants.Select(v => v.Id)];
        CheckVariants(scenario, variants);

        var baseline = Baseline ?? variants[0];
        if (!variants.Contains(baseline))
        {
            throw new ExperimentRequestException($"--baseline: '{baseline}' is not one of the compared variants ({string.Join(", ", variants)}){DidYouMean.Hint(baseline, variants)}");
        }

        var replications = Replications ?? scenario.Definition.Replications;
        if (Precision is not null && replications < 2)
        {
            throw new ExperimentRequestException("--precision needs at least 2 replications in the first round (--replications)");
        }

        var cap = MaxReplications ?? DefaultMaxReplications;
        if (Precision is not null && cap < replications)
        {
            throw new ExperimentRequestException($"--max-replications ({cap}) is smaller than the first round ({replications})");
        }

        return ExperimentPlan.New(ExperimentPlan.CompareKind, scenario, overrides, replications) with
        {
            Variants = [baseline, .. variants.Where(v => v != baseline)],
            Baseline = baseline,
            Precision = Precision,
            MaxReplications = Precision is null ? replications : cap,
        };
    }
}
