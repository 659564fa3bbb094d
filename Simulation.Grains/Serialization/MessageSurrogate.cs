using IsdnSim.Core.Kernel;

namespace IsdnSim.Grains.Serialization;

/// <summary>Wire form of a Core <see cref="Message"/> (Core has no Orleans types), flattened.</summary>
[GenerateSerializer, Immutable, Alias("IsdnSim.Message")]
public readonly record struct MessageSurrogate(
    [property: Id(0)] double Delivery,
    [property: Id(1)] int From,
    [property: Id(2)] long Sequence,
    [property: Id(3)] int To,
    [property: Id(4)] double Sent,
    [property: Id(5)] int Step,
    [property: Id(6)] int Owner,
    [property: Id(7)] int Process,
    [property: Id(8)] int Serial,
    [property: Id(9)] double Arrival,
    [property: Id(10)] double Wait,
    [property: Id(11)] double Service,
    [property: Id(12)] double Handoff);

[RegisterConverter]
public sealed class MessageConverter : IConverter<Message, MessageSurrogate>
{
    public Message ConvertFromSurrogate(in MessageSurrogate s) =>
        new(s.Delivery, s.From, s.Sequence, s.To, s.Sent, s.Step,
            new ProjectToken(new ProjectId(s.Owner, s.Process, s.Serial), s.Arrival, new PathSummary(s.Wait, s.Service, s.Handoff)));

    public MessageSurrogate ConvertToSurrogate(in Message m) =>
        new(m.Delivery, m.From, m.Sequence, m.To, m.Sent, m.Step,
            m.Project.Id.Owner, m.Project.Id.Process, m.Project.Id.Serial, m.Project.Arrival,
            m.Project.Path.Wait, m.Project.Path.Service, m.Project.Path.Handoff);
}
