using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;
using IsdnSim.Presentation.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace IsdnSim.Tests.Telemetry;

/// <summary>The simulation's spans as OpenTelemetry's in-memory exporter receives them, and how to read them.</summary>
internal static class SpanCapture
{
    public static List<Activity> Export(SimulationModel model, ReplicationResult result)
    {
        var spans = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder().AddSource(TelemetryNames.Source).AddInMemoryExporter(spans).Build())
        {
            SimulationTelemetry.Record(model, result);
        }

        return spans;
    }

    public static bool IsRoot(this Activity span) => span.ParentSpanId == default;

    public static DateTime End(this Activity span) => span.StartTimeUtc + span.Duration;

    public static string Text(this Activity span, string tag) => (string)span.GetTagItem(tag)!;

    public static double Number(this Activity span, string tag) => (double)span.GetTagItem(tag)!;

    public static int Segment(this Activity span) => span.GetTagItem(TelemetryNames.Segment) is int s ? s : -1;

    /// <summary>Day <paramref name="t"/> of a run that starts on <paramref name="start"/>, as a UTC calendar time.</summary>
    public static DateTime At(DateOnly start, double t) => new SimTime(t).ToInstant(start).UtcDateTime;
}
