using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace IsdnSim.Presentation.Telemetry;

/// <summary>
/// Gives the activities of a simulated run the ids chosen for them, so every export of a run
/// carries the same ids. The BCL lets a program choose trace ids only through the process-wide
/// <see cref="Activity.TraceIdGenerator"/>, and span ids never (dotnet/runtime#46704):
/// <list type="bullet">
/// <item>A root is started with <see cref="StartRoot"/>, which hands its trace id to the
/// generator for that one call, so samplers and the activity see the final trace id; children
/// inherit it, and their parent's span id is final when they are sampled.</item>
/// <item>A span id is written into the activity's field through <see cref="UnsafeAccessorAttribute"/>
/// after <see cref="Activity.Start"/>, before exporters read it. <see cref="Verify"/> runs at
/// start-up: should a runtime rename the fields, it fails loudly instead of ids turning random.</item>
/// </list>
/// </summary>
internal static class ActivityIds
{
    [ThreadStatic]
    private static ActivityTraceId? t_nextTraceId;

    private static readonly Func<ActivityTraceId>? Previous = Install();

    /// <summary>Starts a root activity with <paramref name="traceId"/> as its trace id, from the moment it is sampled.</summary>
    public static Activity? StartRoot(ActivitySource source, string name, ActivityTraceId traceId, DateTimeOffset startTime)
    {
        t_nextTraceId = traceId;
        try
        {
            var root = source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), startTime: startTime);
            return root is null || root.TraceId == traceId ? root : throw new InvalidOperationException(
                $"A root activity got trace id {root.TraceId}, not {traceId}: another part of the program replaced Activity.TraceIdGenerator.");
        }
        finally
        {
            t_nextTraceId = null;
        }
    }

    /// <summary>Gives a started W3C activity the span id <paramref name="spanId"/>.</summary>
    public static void SetSpanId(Activity activity, ActivitySpanId spanId)
    {
        if (activity.IdFormat != ActivityIdFormat.W3C)
        {
            return;
        }

        SpanIdField(activity) = spanId.ToHexString();
        IdField(activity) = null; // rebuilt from the trace and span ids on the next read of Activity.Id
    }

    /// <summary>
    /// Checks, on a throwaway activity, that span ids can be chosen on this runtime; throws
    /// <see cref="InvalidOperationException"/> saying why not. Called before anything is exported.
    /// </summary>
    public static void Verify()
    {
        var wanted = ActivitySpanId.CreateFromString("0123456789abcdef".AsSpan());
        using var probe = new Activity("isdnsim.probe");
        probe.SetIdFormat(ActivityIdFormat.W3C);
        probe.Start();
        try
        {
            SetSpanId(probe, wanted);
        }
        catch (Exception e) when (e is MissingFieldException or MissingMemberException or FieldAccessException)
        {
            throw new InvalidOperationException($"This .NET runtime ({Environment.Version}) does not let span ids be chosen (System.Diagnostics.Activity's fields changed): {e.Message}", e);
        }

        if (probe.SpanId != wanted || !probe.Id!.Contains(wanted.ToHexString(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"This .NET runtime ({Environment.Version}) ignores a chosen span id: System.Diagnostics.Activity changed.");
        }
    }

    /// <summary>Puts the generator in place once per process, keeping any that was there for everything but the run's roots.</summary>
    private static Func<ActivityTraceId>? Install()
    {
        var previous = Activity.TraceIdGenerator;
        Activity.TraceIdGenerator = () => t_nextTraceId ?? Previous?.Invoke() ?? ActivityTraceId.CreateRandom();
        return previous;
    }

    /// <summary>Makes sure the generator is in place (the static constructor runs on first use of the class).</summary>
    public static void EnsureInstalled() => _ = Previous;

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_spanId")]
    private static extern ref string? SpanIdField(Activity activity);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_id")]
    private static extern ref string? IdField(Activity activity);
}
