using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.TraceEvent")]
public readonly record struct TraceEventSurrogate(
    [property: Id(0)] double Time,
    [property: Id(1)] int Agent,
    [property: Id(2)] int Sequence,
    [property: Id(3)] TraceKind Kind,
    [property: Id(4)] ProjectId Project,
    [property: Id(5)] int Segment,
    [property: Id(6)] int Step,
    [property: Id(7)] int Agency,
    [property: Id(8)] int Peer,
    [property: Id(9)] byte Detail,
    [property: Id(10)] int Queue,
    [property: Id(11)] int Busy,
    [property: Id(12)] double Value);

[RegisterConverter]
public sealed class TraceEventConverter : IConverter<TraceEvent, TraceEventSurrogate>
{
    public TraceEvent ConvertFromSurrogate(in TraceEventSurrogate s) =>
        new(s.Time, s.Agent, s.Sequence, s.Kind, s.Project, s.Segment, s.Step, s.Agency, s.Peer, s.Detail, s.Queue, s.Busy, s.Value);

    public TraceEventSurrogate ConvertToSurrogate(in TraceEvent e) =>
        new(e.Time, e.Agent, e.Sequence, e.Kind, e.Project, e.Segment, e.Step, e.Agency, e.Peer, e.Detail, e.Queue, e.Busy, e.Value);
}
