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
        foreach (var op in variant.Operations)
        {
            result = op.Apply(result, variant);
        }

        return result with { AppliedVariant = variant.Id };
    }

    /// <summary>The variant's name and, one line each, what its operations change.</summary>
    public static IReadOnlyList<string> Describe(VariantDefinition variant) => [.. variant.Operations.Select(o => o.Describe())];
}
