using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Hand-offs between two offices of one organisation (ämterübergreifende Arbeit): a step done in
/// one staffed office whose successor is held by another staffed office of the same agent reaches
/// it after the scenario's <c>between_offices</c> latency, counted as hand-off time of the project
/// (not as a hand-off between organisations, which is what the project's hand-off count means).
/// With no latency the successor is ready at once, as between the steps of one office.
/// </summary>
internal sealed class OfficeHandOffs(AgentContext agent)
{
    private readonly Dictionary<long, (ProjectToken Token, int Step, double Sent)> _onTheWay = [];
    private long _next;

    /// <summary>
    /// Whether a file done at <paramref name="fromAgency"/> travels to <paramref name="toAgency"/>,
    /// both of <paramref name="agent"/>: asked on every finished step, so it reads the context, not
    /// this mechanism, which is made at the first file that does travel.
    /// </summary>
    public static bool Crosses(AgentContext agent, int fromAgency, int toAgency) =>
        agent.Model.OfficeHandoff > 0
        && fromAgency >= 0
        && fromAgency != toAgency
        && !agent.Agencies[fromAgency].IsCouncil
        && !agent.Agencies[toAgency].IsCouncil;

    public void Send(in ProjectToken token, int step, int toAgency, double t)
    {
        var delivery = t + agent.Model.OfficeHandoff;
        agent.Trace?.Add(TraceKind.Send, t, token.Id, token.Segment, step, toAgency, peer: agent.Index, detail: (byte)MessageKind.StepReady, value: delivery);
        _onTheWay[_next] = (token, step, t);
        agent.Events.Schedule(delivery, new OfficeDelivery(_next++));
    }

    public void OnDelivery(OfficeDelivery e, double t)
    {
        _onTheWay.Remove(e.Transfer, out var transfer);
        agent.Joins.PredecessorDone(transfer.Token.Accrue(PathPart.Handoff, t - transfer.Sent), transfer.Step, t);
    }
}
