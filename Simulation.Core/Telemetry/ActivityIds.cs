using System.Diagnostics;
using System.Reflection;

namespace IsdnSim.Core.Telemetry;

/// <summary>
/// Gives a started <see cref="Activity"/> the trace and span id chosen for it. The BCL lets a
/// program choose a root's trace id only process-wide (<see cref="Activity.TraceIdGenerator"/>)
/// and a span id never (dotnet/runtime#46704), but exports of a simulation must carry the same
/// ids every time. So the ids are written into the activity's private fields after
/// <see cref="Activity.Start"/> and before <see cref="Activity.Stop"/>, when exporters read
/// them. Should a later runtime rename those fields, <see cref="Supported"/> turns false and ids
/// stay random; a test says so.
/// </summary>
internal static class ActivityIds
{
    private static readonly FieldInfo? TraceIdField = StringField("_traceId");
    private static readonly FieldInfo? SpanIdField = StringField("_spanId");
    private static readonly FieldInfo? IdField = StringField("_id");

    public static bool Supported => TraceIdField is not null && SpanIdField is not null && IdField is not null;

    public static void Set(Activity activity, ActivityTraceId traceId, ActivitySpanId spanId)
    {
        if (!Supported || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return;
        }

        TraceIdField!.SetValue(activity, traceId.ToHexString());
        SpanIdField!.SetValue(activity, spanId.ToHexString());
        IdField!.SetValue(activity, null); // rebuilt from the two on the next read of Activity.Id
    }

    private static FieldInfo? StringField(string name) =>
        typeof(Activity).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic) is { } f && f.FieldType == typeof(string) ? f : null;
}
