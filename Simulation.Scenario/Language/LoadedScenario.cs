using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Language;

/// <summary>A validated scenario together with the text it came from and that text's hash.</summary>
public sealed record LoadedScenario(ScenarioDefinition Definition, string Text, string File, string Hash)
{
    /// <summary>
    /// The --uncertain file whose section replaced the scenario's own <c>uncertain:</c> section
    /// (<see cref="UncertainLoader"/>), with its text; null when the ranges are the scenario's.
    /// </summary>
    public (string File, string Text)? UncertainFrom { get; init; }
}
