namespace IsdnSim.Tests.Telemetry;

/// <summary>
/// Activity and meter listeners are process-wide: a test that listens would see the spans of any
/// other test exporting at the same time, so the tests that export run one after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
