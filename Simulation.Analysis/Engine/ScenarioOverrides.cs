using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Variants;

namespace IsdnSim.Analysis.Engine;

/// <summary>Values given on the command line that replace the scenario's own, applied before compiling.</summary>
public sealed record ScenarioOverrides(ulong? Seed = null, int? Replications = null, double? HorizonDays = null, string? Variant = null, double? WarmupDays = null)
{
    public static readonly ScenarioOverrides None = new();

    /// <summary>
    /// Values set in the scenario's text before it is read, as <c>sweep --set</c> sets them (a
    /// design point of <c>sensitivity</c>): the text travels once, the values beside it.
    /// </summary>
    public IReadOnlyList<(string Path, string Value)> Set { get; init; } = [];

    /// <summary>
    /// What is wrong with these overrides for this scenario, checked by the same limits as the
    /// file itself (an override must not get past what the file could not); null if nothing.
    /// </summary>
    public string? Problem(ScenarioDefinition definition, string horizonText)
    {
        var warmup = WarmupDays ?? definition.Warmup.Value;
        if (HorizonDays is not { } days)
        {
            return WarmupDays is { } w ? ScenarioLimits.WarmupProblem(w, definition.Horizon.Value) : null;
        }

        if (days <= 0)
        {
            return $"--horizon must be longer than zero, found '{horizonText}'";
        }

        var applied = Apply(definition);
        return ScenarioLimits.HorizonProblem(horizonText, definition.Start, days)
               ?? ScenarioLimits.WarmupProblem(warmup, days)
               ?? ScenarioLimits.WindowsProblem(days, definition.Lookahead.Value)
               ?? ScenarioLimits.ProjectsProblem(ScenarioLimits.ExpectedProjects(applied));
    }

    /// <summary>The variant (if any) first, then the replaced values.</summary>
    public ScenarioDefinition Apply(ScenarioDefinition definition) => (Variant is { } v ? VariantApplier.Apply(definition, v) : definition) with
    {
        Seed = Seed ?? definition.Seed,
        Replications = Replications ?? definition.Replications,
        Horizon = HorizonDays is { } h ? new CalendarDays(h) : definition.Horizon,
        Warmup = WarmupDays is { } w ? new CalendarDays(w) : definition.Warmup,
    };
}
