using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Analysis.Validation;

/// <summary>Thrown when an observed-data file cannot be used, or does not fit the scenario; carries every problem found, in file order.</summary>
public sealed class ObservedDataException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; } = diagnostics;
}
