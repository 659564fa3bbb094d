using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.AgentCall")]
public readonly record struct AgentCallSurrogate(
    [property: Id(0)] int Agent,
    [property: Id(1)] double Until,
    [property: Id(2)] Message[] Inbox,
    [property: Id(3)] long MaxEvents);

[RegisterConverter]
public sealed class AgentCallConverter : IConverter<AgentCall, AgentCallSurrogate>
{
    public AgentCall ConvertFromSurrogate(in AgentCallSurrogate s) => new(s.Agent, s.Until, s.Inbox, s.MaxEvents);

    public AgentCallSurrogate ConvertToSurrogate(in AgentCall c) => new(c.Agent, c.Until, c.Inbox, c.MaxEvents);
}
