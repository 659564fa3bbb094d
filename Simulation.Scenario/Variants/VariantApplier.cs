using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;

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
            result = op switch
            {
                MergeDistricts m => Operations.Merge(result, m, variant),
                ScaleStaff s => Operations.Scale(result, s, variant),
                DelegateRole d => Operations.Delegate(result, d, variant),
                AddWorkingGroup g => result with { WorkingGroups = [.. result.WorkingGroups, new WorkingGroupDefinition(g.Id, [.. g.Members, .. g.Below is { } b ? ["below:" + b] : Array.Empty<string>()], g.Every, CalendarDays.Zero) { Position = g.Position }] },
                Liaison l => Operations.Liaison(result, l, variant),
                CouncilCadence c => Operations.Cadence(result, c, variant),
                SetHandoff h => Operations.Handoff(result, h.A, h.B, h.Latency, h.Position, variant),
                Unify u => Operations.Unify(result, u, variant),
                _ => throw new InvalidOperationException("Unknown operation " + op.GetType().Name),
            };
        }

        return result with { AppliedVariant = variant.Id };
    }

    /// <summary>The variant's name and, one line each, what its operations change.</summary>
    public static IReadOnlyList<string> Describe(VariantDefinition variant) => [.. variant.Operations.Select(o => o.Describe())];
}
