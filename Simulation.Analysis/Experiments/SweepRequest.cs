using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A sweep as asked for: the values to set (PATH=VALUES, as <see cref="SweepGrid.Parse"/> reads
/// them), the variant applied at every point or the variants compared at every point, and the
/// replications. <see cref="Plan"/> applies the rules of a grid (values well formed, each path
/// once, at most <see cref="SweepGrid.MaxPoints"/> points, every path a value of the scenario
/// file) and of the variants (as a comparison's, <see cref="CompareRequest.CheckVariants"/>), or
/// throws <see cref="ExperimentRequestException"/>.
/// </summary>
public sealed record SweepRequest(IReadOnlyList<string> Set, string? Variant, int? Replications)
{
    /// <summary>Variants run at every point with common random numbers and compared pair by pair, the first the baseline; empty for none.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>What is wrong with the values to set on their own, before any scenario is read; null if nothing.</summary>
    public static string? OptionProblem(IReadOnlyList<string> set) =>
        set.Count == 0 ? "a sweep needs at least one --set PATH=VALUES" : null;

    /// <summary>The plan of this sweep over <paramref name="scenario"/>; the values at each point are checked when the points are compiled.</summary>
    public ExperimentPlan Plan(LoadedScenario scenario, ScenarioOverrides overrides)
    {
        List<SweepParameter> parameters;
        try
        {
            parameters = [.. Set.Select(SweepGrid.Parse)];
            SweepGrid.Points(parameters);

            // Every path must lead to a value of this file; the values themselves are checked point by point.
            ScenarioPatch.Apply(scenario.Text, [.. parameters.Select(x => (x.Path, x.Values[0]))]);
        }
        catch (FormatException e)
        {
            throw new ExperimentRequestException(e.Message);
        }

        if (Variants.Count > 0)
        {
            if (Variant is not null)
            {
                throw new ExperimentRequestException("--variant applies one variant at every point, --variants compares several; give one of them");
            }

            CompareRequest.CheckVariants(scenario, Variants);
        }

        return ExperimentPlan.New(ExperimentPlan.SweepKind, scenario, overrides, Replications ?? scenario.Definition.Replications) with
        {
            Variants = Variants.Count > 0 ? Variants : Variant is { } v ? [v] : [],
            Baseline = Variants.Count > 0 ? Variants[0] : null,
            Parameters = parameters,
        };
    }
}
