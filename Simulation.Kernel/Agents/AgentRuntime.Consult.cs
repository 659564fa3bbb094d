using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Consultations (Beteiligung der Träger öffentlicher Belange): every consulted agency is asked
/// at once; the step is done when all have answered or when the legal deadline passes, silence
/// counting as approval. Where the lead and all consulted agencies belong to one working group,
/// the matter is settled at the group's next meeting instead.
/// </summary>
public sealed partial class AgentRuntime
{
    private readonly Dictionary<long, ConsultState> _consults = [];

    private void StartConsultation(in ProjectToken token, int step, int agency, double t)
    {
        var s = StepsOf(token)[step];
        var id = NextId();
        var territory = token.Territory;
        var holders = s.Consult.Select(role => _model.HolderOf(territory, role)).ToArray();
        var state = new ConsultState(token, step, agency, t, holders.Length);
        _consults[id] = state;

        if (GroupOf(holders) is { } group)
        {
            state.Remaining = 0;
            var meeting = group.NextMeeting(t);
            Trace(TraceKind.Ask, t, token.Id, token.Segment, step, agency, peer: holders.Length, detail: 1, value: meeting);
            Schedule(meeting, EventKind.GroupMeeting, 0, 0, id);
            return;
        }

        Trace(TraceKind.Ask, t, token.Id, token.Segment, step, agency, peer: holders.Length, value: t + s.Deadline);

        if (double.IsFinite(s.Deadline))
        {
            Schedule(t + s.Deadline, EventKind.ConsultDeadline, 0, 0, id);
        }

        for (var j = 0; j < holders.Length; j++)
        {
            if (holders[j].Agent == Index)
            {
                EnqueueConsult(token, step, j, Index, id, t);
            }
            else
            {
                Send(MessageKind.ConsultRequest, holders[j].Agent, t, step, token, aux: j, link: id);
            }
        }
    }

    private WorkingGroupModel? GroupOf(Holder[] consulted)
    {
        foreach (var group in _model.WorkingGroups)
        {
            if (group.Members.Contains(Index) && consulted.All(h => group.Members.Contains(h.Agent)))
            {
                return group;
            }
        }

        return null;
    }

    private void EnqueueConsult(in ProjectToken token, int step, int consultee, int lead, long link, double t)
    {
        var agency = _model.HolderOf(token.Territory, StepsOf(token)[step].Consult[consultee]).Agency;
        Enqueue(agency, new WorkItem
        {
            Token = token,
            Kind = WorkKind.Consult,
            Step = step,
            Priority = _self.Agencies[agency].ProjectPriority,
            Ready = t,
            Aux = consultee,
            Peer = lead,
            Link = link,
        }, t);
    }

    private void OnConsultReply(in ProjectToken token, long link, int consultee, int from, double t)
    {
        var state = _consults[link];
        state.Remaining--;
        if (state.Remaining == 0)
        {
            _consults.Remove(link);
        }

        if (!state.Done && state.Remaining == 0)
        {
            // The last answer is on the critical chain; the consulted agency that gave it determined the step.
            var agency = _model.HolderOf(token.Territory, StepsOf(token)[state.Step].Consult[consultee]).Agency;
            Complete(state, token, from, agency, t);
        }
    }

    private void OnConsultDeadline(long id, double t)
    {
        if (_consults.TryGetValue(id, out var state) && !state.Done)
        {
            if (Counting(t))
            {
                _deemed++;
            }

            Trace(TraceKind.Deemed, t, state.Base.Id, state.Base.Segment, state.Step, state.Agency);

            Complete(state, state.Base.Accrue(PathPart.Wait, t - state.Ready), Index, state.Agency, t);
        }
    }

    private void OnGroupMeeting(long id, double t)
    {
        var state = _consults[id];
        _consults.Remove(id);
        Trace(TraceKind.Meeting, t, state.Base.Id, state.Base.Segment, state.Step, state.Agency);
        Complete(state, state.Base.Accrue(PathPart.Council, t - state.Ready), Index, state.Agency, t);
    }

    private void Complete(ConsultState state, in ProjectToken token, int dominantAgent, int dominantAgency, double t)
    {
        // Counted when they end, so the deemed-approval share is over consultations decided.
        if (Counting(t))
        {
            _consultations++;
        }

        state.Done = true;
        StepDone(token, state.Step, dominantAgent, dominantAgency, state.Ready, t, state.Ready, 0);
    }

    private sealed class ConsultState(ProjectToken token, int step, int agency, double ready, int remaining)
    {
        public ProjectToken Base { get; } = token;

        public int Step { get; } = step;

        public int Agency { get; } = agency;

        public double Ready { get; } = ready;

        public int Remaining { get; set; } = remaining;

        public bool Done { get; set; }
    }
}
