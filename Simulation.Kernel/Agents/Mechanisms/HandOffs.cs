using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Hand-offs between agents: a message arrives after the latency between the two, counts as a
/// hand-off of the project, and (after the warm-up) of the pair of levels it crosses. Messages
/// wait in the outbox (perhaps shared with other agents, see <see cref="IsdnSim.Kernel.Agents.Outbox"/>) until the call ends.
/// </summary>
internal sealed class HandOffs(AgentContext agent)
{
    /// <summary>
    /// Where this agent's messages go: the context's outbox at first; the engine may point it at
    /// another between calls (<see cref="Runtime.AgentRuntime.UseOutbox"/>), once the messages in
    /// the old one have been routed.
    /// </summary>
    public Outbox Outbox { get; set; } = agent.Outbox;

    /// <summary>Hand-offs sent after the warm-up, by (from level, to level) as a flat matrix.</summary>
    private readonly long[] _sent = new long[SimulationModel.Levels.Length * SimulationModel.Levels.Length];
    private long _sequence;

    // The receiver of the last message sent, its latency and its cell in _sent: an agent sends
    // most of its messages to the same few agents (its district, its operator), and the latency
    // (a pass over the hand-off rules) and the receiver's level, read from another agent's model,
    // cost more than the rest of a send. Both depend on the receiver alone.
    private int _lastTo = -1;
    private double _lastLatency;
    private int _lastCell;

    public long[] Sent => [.. _sent];

    public void Send(int to, double t, in ProjectToken token, MessageBody body)
    {
        if (to != _lastTo)
        {
            _lastLatency = agent.Model.HandoffLatency(agent.Index, to);
            _lastCell = (agent.Self.Level * SimulationModel.Levels.Length) + agent.Facts[to].Level;
            _lastTo = to;
        }

        var delivery = t + _lastLatency;
        agent.Trace?.Add(TraceKind.Send, t, token.Id, token.Segment, body.Step, -1, peer: to, detail: (byte)body.Kind, value: delivery);
        if (agent.Counting(t))
        {
            _sent[_lastCell]++;
        }

        Outbox.Add(new Message(delivery, agent.Index, _sequence++, to, t, body, token with { Handoffs = token.Handoffs + 1 }));
    }

    /// <summary>The project as it arrives: the time on the way counts as hand-off.</summary>
    public static ProjectToken Received(in Message m) => m.Project.Accrue(PathPart.Handoff, m.Delivery - m.Sent);

    /// <summary>The messages sent during this call, to be routed before the next call of an agent sharing the outbox (<see cref="ClearLent"/>).</summary>
    public ReadOnlySpan<Message> LendOutbox() => Outbox.Lend();

    /// <summary>Forgets the messages lent by <see cref="LendOutbox"/>: they have been routed.</summary>
    public void ClearLent() => Outbox.ClearLent();
}
