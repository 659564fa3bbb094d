using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// Applies a variant's operations, in order, to a scenario definition. Every operation is a
/// change of data (agents, agencies, staff, jurisdiction, hand-off rules, councils, working
/// groups); the kernel never asks which variant it runs. The result is checked like a file.
/// </summary>
public static class VariantApplier
{
    public static ScenarioDefinition Apply(ScenarioDefinition scenario, string variantId)
    {
        var variant = scenario.Variants.FirstOrDefault(v => v.Id == variantId)
            ?? throw new ArgumentException($"unknown variant '{variantId}'", nameof(variantId));
        var result = scenario;
        var ops = variant.Operations;
        for (var i = 0; i < ops.Count;)
        {
            // A run of merges is applied in one go (the same result, the same failure): each merge
            // on its own goes over every agent, and Germany's merging variants merge 146 times.
            var merges = ops.Skip(i).TakeWhile(op => op is MergeDistricts).Cast<MergeDistricts>().ToList();
            if (merges.Count > 1)
            {
                result = MergeDistricts.ApplyAll(result, merges, variant);
                i += merges.Count;
            }
            else
            {
                result = ops[i++].Apply(result, variant);
            }
        }

        return result with { AppliedVariant = variant.Id };
    }

    /// <summary>The variant's name and, one line each, what its operations change.</summary>
    public static IReadOnlyList<string> Describe(VariantDefinition variant) => [.. variant.Operations.Select(o => o.Describe())];
}
