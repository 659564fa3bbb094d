using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// A step with a support role held by another agent (the former holder, after a reform) is done
/// in two shares at once: the holder's own, and the supporter's as a service. The step is done
/// when both are; the later one is on the critical chain.
/// </summary>
internal sealed class SupportShares(AgentContext agent)
{
    private readonly Dictionary<long, SharedStep> _open = [];
    private long _nextRequest = 1;

    /// <summary>
    /// Splits a step's <paramref name="effort"/> as it starts, where another agent holds its
    /// support role: the item keeps its own share (returned) and names the request; the supporter
    /// and its share come out, to be asked once the own share has started (<paramref name="helper"/>
    /// is -1 otherwise). <paramref name="ownFactor"/> scales the holder's own share only (a holder
    /// that is not specialised, <see cref="Specialisation"/>); the supporter's share is as drawn.
    /// </summary>
    public double TrySplit(ref WorkItem item, StepModel step, int agency, double effort, double ownFactor, double t, out int helper, out SupportRequest share)
    {
        var supporter = step.SupportRole >= 0 ? agent.HolderOf(item.Token, step.SupportRole) : default;
        if (step.SupportRole < 0 || supporter.Agent == agent.Index)
        {
            helper = -1;
            share = default;
            return effort * ownFactor;
        }

        var request = _nextRequest++;
        item.Request = request;
        item.Start = t;
        item.Effort = effort * (1 - step.SupportShare) * ownFactor;
        _open[request] = new SharedStep(item, agency);
        helper = supporter.Agent;
        share = new SupportRequest(item.Step, request, effort * step.SupportShare);
        return item.Effort;
    }

    /// <summary>Another agent asks for a share of its step: queued here as a service.</summary>
    public void OnRequest(in ProjectToken token, SupportRequest m, int requester, double t)
    {
        var agency = agent.HolderOf(token, agent.StepsOf(token)[m.Step].SupportRole).Agency;
        agent.Work.EnqueueProjectWork(agency, new WorkItem
        {
            Token = token,
            Kind = WorkKind.Support,
            Step = m.Step,
            Ready = t,
            Effort = m.Effort,
            ReplyTo = requester,
            Request = m.Request,
        }, t);
    }

    /// <summary>The share done here as a service goes back to the requester.</summary>
    public void ShareDone(in ProjectToken token, in WorkItem item, double t) =>
        agent.HandOffs.Send(item.ReplyTo, t, token, new SupportReply(item.Step, item.Request));

    public void OnReply(in ProjectToken token, SupportReply m, double t)
    {
        var shared = _open[m.Request];
        shared.Help = (token, t);
        Join(m.Request, shared);
    }

    public void OwnPartDone(long request, in ProjectToken token, double t)
    {
        var shared = _open[request];
        shared.Own = (token, t);
        Join(request, shared);
    }

    /// <summary>Both the holder's own part and the supporter's are done: the later one is on the critical chain.</summary>
    private void Join(long request, SharedStep shared)
    {
        if (shared.Own is not { } own || shared.Help is not { } help)
        {
            return;
        }

        _open.Remove(request);
        var (token, t) = help.Time > own.Time ? help : own;
        agent.Rework.ReviewOrFinish(token with { Handoffs = Math.Max(own.Token.Handoffs, help.Token.Handoffs) }, shared.Item, shared.Agency, t);
    }

    private sealed class SharedStep(WorkItem item, int agency)
    {
        public WorkItem Item { get; } = item;

        public int Agency { get; } = agency;

        public (ProjectToken Token, double Time)? Own { get; set; }

        public (ProjectToken Token, double Time)? Help { get; set; }
    }
}
