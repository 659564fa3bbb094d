using System.Diagnostics;
using System.Diagnostics.Metrics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Presentation.Telemetry;

/// <summary>
/// OpenTelemetry of a run, built from each replication's result once it has finished: a trace
/// per project with a span per step, stamped with simulated calendar time, and the run's figures
/// as measurements. This layer uses only System.Diagnostics; whoever listens to
/// <see cref="TelemetryNames.Source"/> and <see cref="TelemetryNames.Meter"/> (the command line's
/// OTLP export, a test's in-memory exporter) decides where it goes. Nobody listening costs nothing.
/// </summary>
public static class SimulationTelemetry
{
    public static readonly ActivitySource Source = new(TelemetryNames.Source, ProgramVersion.Text);

    public static readonly Meter Meter = new(TelemetryNames.Meter, ProgramVersion.Text);

    /// <summary>
    /// Checks that this runtime lets the run's spans carry their chosen ids (and puts the trace-id
    /// generator in place); throws <see cref="InvalidOperationException"/> saying why not. Call it
    /// before anything listens, so a runtime that changed fails at start-up, not with random ids.
    /// </summary>
    public static void VerifyIds()
    {
        ActivityIds.EnsureInstalled();
        ActivityIds.Verify();
    }

    /// <summary>
    /// Emits the spans of every project the replication finished or worked on, and records its
    /// measurements. Step spans need the result's steps (<see cref="Kernel.AgentOptions.RecordSteps"/>);
    /// without them each project is a root span alone. Safe to call from several threads at once.
    /// </summary>
    public static void Record(SimulationModel model, ReplicationResult result)
    {
        ProjectSpans.Emit(model, result);
        ReplicationMetrics.Record(model, result);
    }
}
