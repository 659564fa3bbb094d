namespace IsdnSim.Scenario.Diagnostics;

/// <summary>Thrown when a scenario cannot be used; carries every problem found, in file order.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; } = diagnostics;
}
