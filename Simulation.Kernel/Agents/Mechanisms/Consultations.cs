using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Consultations (Beteiligung der Träger öffentlicher Belange): every consulted agency is asked
/// at once; the step is done when all have answered or when the deadline passes (the
/// consultation lapses: the lead goes on, and statements that come later may be disregarded,
/// §4(2), §4a(6) BauGB; it is not a permit). Where the lead and all consulted agencies belong to
/// one working group, the group settles the matter instead.
/// </summary>
internal sealed class Consultations(AgentContext agent)
{
    private readonly Dictionary<long, Consultation> _open = [];
    private long _nextId = 1;

    /// <summary>Consultations led here that ended after the warm-up (answered, or lapsed at the deadline).</summary>
    public long Decided { get; private set; }

    /// <summary>Of <see cref="Decided"/>, those the deadline ended before every answer came: lapsed.</summary>
    public long Lapsed { get; private set; }

    public void Start(in ProjectToken token, int step, int agency, double t)
    {
        var s = agent.StepsOf(token)[step];
        var territory = token.Territory;
        var holders = new Holder[s.Consult.Length];
        for (var j = 0; j < holders.Length; j++)
        {
            holders[j] = agent.Model.HolderOf(territory, s.Consult[j]);
        }
        if (agent.WorkingGroups.TryRefer(token, step, agency, holders, t))
        {
            return;
        }

        var id = _nextId++;
        _open[id] = new Consultation(token, step, agency, t, holders.Length);
        agent.Trace?.Add(TraceKind.Ask, t, token.Id, token.Segment, step, agency, peer: holders.Length, value: t + s.Deadline);
        if (double.IsFinite(s.Deadline))
        {
            agent.Events.Schedule(t + s.Deadline, new ConsultationDeadline(id));
        }

        for (var j = 0; j < holders.Length; j++)
        {
            if (holders[j].Agent == agent.Index)
            {
                Enqueue(token, new ConsultRequest(step, j, id), agent.Index, t);
            }
            else
            {
                agent.HandOffs.Send(holders[j].Agent, t, token, new ConsultRequest(step, j, id));
            }
        }
    }

    /// <summary>A lead asks this agent: the answer is work at the consulted agency.</summary>
    public void OnRequest(in ProjectToken token, ConsultRequest m, int lead, double t) => Enqueue(token, m, lead, t);

    /// <summary>The answer is written: to the lead, here or by hand-off.</summary>
    public void Answered(in ProjectToken token, in WorkItem item, double t)
    {
        var reply = new ConsultReply(item.Step, item.Consultee, item.Request);
        if (item.ReplyTo == agent.Index)
        {
            OnReply(token, reply, agent.Index, t);
        }
        else
        {
            agent.HandOffs.Send(item.ReplyTo, t, token, reply);
        }
    }

    public void OnReply(in ProjectToken token, ConsultReply m, int from, double t)
    {
        var consultation = _open[m.Consultation];
        consultation.Remaining--;
        if (consultation.Remaining == 0)
        {
            _open.Remove(m.Consultation);
        }

        if (!consultation.Done && consultation.Remaining == 0)
        {
            // The last answer is on the critical chain; the consulted agency that gave it determined the step.
            var agency = agent.HolderOf(token, agent.StepsOf(token)[consultation.Step].Consult[m.Consultee]).Agency;
            Complete(consultation, token, from, agency, t);
        }
    }

    public void OnDeadline(ConsultationDeadline e, double t)
    {
        if (_open.TryGetValue(e.Consultation, out var consultation) && !consultation.Done)
        {
            if (agent.Counting(t))
            {
                Lapsed++;
            }

            agent.Trace?.Add(TraceKind.Lapsed, t, consultation.Base.Id, consultation.Base.Segment, consultation.Step, consultation.Agency);
            Complete(consultation, consultation.Base.Accrue(PathPart.Wait, t - consultation.Ready), agent.Index, consultation.Agency, t);
        }
    }

    private void Enqueue(in ProjectToken token, ConsultRequest m, int lead, double t)
    {
        var agency = agent.HolderOf(token, agent.StepsOf(token)[m.Step].Consult[m.Consultee]).Agency;
        agent.Work.EnqueueProjectWork(agency, new WorkItem
        {
            Token = token,
            Kind = WorkKind.Consult,
            Step = m.Step,
            Ready = t,
            Consultee = m.Consultee,
            ReplyTo = lead,
            Request = m.Consultation,
        }, t);
    }

    private void Complete(Consultation consultation, in ProjectToken token, int dominantAgent, int dominantAgency, double t)
    {
        // Counted when they end, so the lapsed share is over consultations decided.
        if (agent.Counting(t))
        {
            Decided++;
        }

        consultation.Done = true;
        agent.Flow.StepDone(token, consultation.Step, dominantAgent, dominantAgency, consultation.Ready, t, consultation.Ready, 0);
    }

    /// <summary>A consultation this agent leads, until every consulted agency has answered (even after it lapsed).</summary>
    private sealed class Consultation(ProjectToken token, int step, int agency, double ready, int remaining)
    {
        public ProjectToken Base { get; } = token;

        public int Step { get; } = step;

        public int Agency { get; } = agency;

        public double Ready { get; } = ready;

        public int Remaining { get; set; } = remaining;

        public bool Done { get; set; }
    }
}
