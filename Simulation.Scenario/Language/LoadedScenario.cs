using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Language;

/// <summary>A validated scenario together with the text it came from and that text's hash.</summary>
public sealed record LoadedScenario(ScenarioDefinition Definition, string Text, string File, string Hash);
