using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// An approval may return the file to an earlier step's holder for rework (less often when the
/// approving agency knows the place), for at most the approval's rounds; the reworked file goes
/// back to the approver for another review.
/// </summary>
internal sealed class Rework(AgentContext agent)
{
    /// <summary>Returns sent after the warm-up, by (from level, to level) as a flat matrix; made at the first return counted.</summary>
    private long[]? _returns;

    private static int Cells => SimulationModel.Levels.Length * SimulationModel.Levels.Length;

    public long[] Returns => _returns is null ? new long[Cells] : [.. _returns];

    /// <summary>A work or approval step's own work is done; an approval may return the file for rework.</summary>
    public void ReviewOrFinish(in ProjectToken token, in WorkItem item, int agency, double t)
    {
        if (!Fictions.Settle(agent, item, t))
        {
            return; // the law decided the step while it was in work: this work has no effect
        }

        var step = agent.StepsOf(token)[item.Step];
        if (step.Kind == StepKind.Approval && step.Rework is { } rework && token.Round < rework.MaxRounds)
        {
            var probability = (KnowsThePlace(token.Territory) ? rework.LocalProbability : rework.Probability)
                + Specialisation.ExtraReturns(step, agent.Agencies[agency]);
            if (item.Decision < probability)
            {
                var reworker = agent.HolderOf(token, agent.StepsOf(token)[rework.ReturnsTo].Role);
                if (agent.Counting(t))
                {
                    _returns ??= new long[Cells];
                    _returns[(agent.Self.Level * SimulationModel.Levels.Length) + agent.Facts[reworker.Agent].Level]++;
                }

                var returned = token with { InRework = true, Reworks = token.Reworks + 1 };
                agent.Trace?.Add(TraceKind.Return, t, token.Id, token.Segment, item.Step, agency, peer: reworker.Agent);
                if (reworker.Agent == agent.Index)
                {
                    Enqueue(returned, item.Step, agent.Index, t);
                }
                else
                {
                    agent.HandOffs.Send(reworker.Agent, t, returned, new ReworkRequest(item.Step));
                }

                return;
            }
        }

        agent.Flow.StepDone(token, item.Step, agent.Index, agency, item.Ready, t, item.Start, item.Effort);
    }

    public void OnRequest(in ProjectToken token, ReworkRequest m, int approver, double t) => Enqueue(token, m.Approval, approver, t);

    /// <summary>
    /// The rework is done. Still in rework until the file is back at the approver: the trip back
    /// counts as rework too.
    /// </summary>
    public void Reworked(in ProjectToken token, in WorkItem item, double t)
    {
        var back = token with { Round = token.Round + 1 };
        if (item.ReplyTo == agent.Index)
        {
            agent.Flow.StepReady(back with { InRework = false }, item.Step, t);
        }
        else
        {
            agent.HandOffs.Send(item.ReplyTo, t, back, new ReworkDone(item.Step));
        }
    }

    public void OnDone(in ProjectToken token, ReworkDone m, double t) => agent.Flow.StepReady(token with { InRework = false }, m.Approval, t);

    private void Enqueue(in ProjectToken token, int approval, int approver, double t)
    {
        var returnsTo = agent.StepsOf(token)[agent.StepsOf(token)[approval].Rework!.ReturnsTo];
        var agency = agent.HolderOf(token, returnsTo.Role).Agency;
        agent.Work.EnqueueProjectWork(agency, new WorkItem
        {
            Token = token,
            Kind = WorkKind.Rework,
            Step = approval,
            Ready = t,
            ReplyTo = approver,
        }, t);
    }

    /// <summary>Whether this agent knows the place: it is the territory itself, its Amt, or its seat (the city of a quarter).</summary>
    private bool KnowsThePlace(int territory) =>
        agent.Index == territory || agent.Facts[territory].Amt == agent.Index || agent.Facts[territory].Seat == agent.Index;
}
