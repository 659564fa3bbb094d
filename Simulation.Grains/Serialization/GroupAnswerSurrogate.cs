using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.GroupAnswer")]
public readonly record struct GroupAnswerSurrogate(
    [property: Id(0)] double[] Next,
    [property: Id(1)] long[] Events,
    [property: Id(2)] int[] OutboxEnds,
    [property: Id(3)] Message[] Outbox,
    [property: Id(4)] int[] TraceEnds,
    [property: Id(5)] TraceEvent[] Trace);

/// <summary>Sends only the filled part of an answer's arrays, which a group reuses call after call.</summary>
[RegisterConverter]
public sealed class GroupAnswerConverter : IConverter<GroupAnswer, GroupAnswerSurrogate>
{
    public GroupAnswer ConvertFromSurrogate(in GroupAnswerSurrogate s) =>
        GroupAnswer.Of(s.Next, s.Events, PackedSpans<Message>.Of(s.Outbox, s.OutboxEnds), PackedSpans<TraceEvent>.Of(s.Trace, s.TraceEnds));

    public GroupAnswerSurrogate ConvertToSurrogate(in GroupAnswer a) =>
        new(a.Next.ToArray(), a.Events.ToArray(), a.Outboxes.Ends.ToArray(), a.Outboxes.Items.ToArray(), a.Traces.Ends.ToArray(), a.Traces.Items.ToArray());
}
