using System.Buffers.Binary;
using System.Diagnostics;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;

namespace IsdnSim.Presentation.Telemetry;

/// <summary>
/// Trace and span ids that follow from what a span shows, not from chance: a project's trace id
/// from (scenario, seed, variant, replication, project), a step's span id from that and (step,
/// segment). Two exports of the same run carry the same ids, and a backend that receives
/// one twice keeps one copy.
/// </summary>
internal static class TelemetryIds
{
    private const ulong RootSalt = 0x726F6F74UL; // "root"
    private const ulong TraceSalt = 0x7472616365UL; // "trace"

    /// <summary>The key of one replication of a run; the variant is "" when none is applied.</summary>
    public static ulong Run(SimulationModel model, int replication) =>
        StableHash.Combine(
            StableHash.Combine(StableHash.Combine(StableHash.Of(model.Definition.Name), model.Seed), StableHash.Of(model.Definition.AppliedVariant ?? "")),
            (ulong)replication);

    public static ulong Project(ulong run, SimulationModel model, ProjectId id) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(run, model.Agents[id.Owner].IdHash), model.Processes[id.Process].IdHash), unchecked((ulong)id.Serial));

    public static ActivityTraceId Trace(ulong project)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, StableHash.Combine(project, TraceSalt));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], NonZero(StableHash.Combine(TraceSalt, project)));
        return ActivityTraceId.CreateFromBytes(bytes);
    }

    public static ActivitySpanId Root(ulong project) => Span(StableHash.Combine(project, RootSalt));

    /// <summary>A step's span (a project does each step, or each segment of it, once); <paramref name="segment"/> is -1 for the project as a whole.</summary>
    public static ActivitySpanId Step(ulong project, ulong stepIdHash, int segment) =>
        Span(StableHash.Combine(StableHash.Combine(project, stepIdHash), unchecked((ulong)segment)));

    private static ActivitySpanId Span(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, NonZero(value));
        return ActivitySpanId.CreateFromBytes(bytes);
    }

    // An id of all zeros is invalid in W3C trace context.
    private static ulong NonZero(ulong value) => value == 0 ? 1 : value;
}
