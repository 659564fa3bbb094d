using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Joint working groups: where the lead and every consulted agency are members of one group, a
/// consultation is not sent round but settled at the group's next meeting.
/// </summary>
internal sealed class WorkingGroups(AgentContext agent)
{
    /// <summary>The groups this agent is a member of, in the order of the scenario (the first that fits settles).</summary>
    private readonly WorkingGroupModel[] _mine = [.. agent.Model.WorkingGroups.Where(g => g.Members.Contains(agent.Index))];
    private readonly Dictionary<long, Matter> _agenda = [];
    private long _nextId = 1;

    /// <summary>Consultations settled here after the warm-up.</summary>
    public long Settled { get; private set; }

    /// <summary>Puts a consultation on a group's agenda if one group has all of <paramref name="consulted"/>; false if none has.</summary>
    public bool TryRefer(in ProjectToken token, int step, int agency, Holder[] consulted, double t)
    {
        if (GroupOf(consulted) is not { } group)
        {
            return false;
        }

        var id = _nextId++;
        _agenda[id] = new Matter(token, step, agency, t);
        var meeting = group.NextMeeting(t);
        agent.Trace?.Add(TraceKind.Ask, t, token.Id, token.Segment, step, agency, peer: consulted.Length, detail: 1, value: meeting);
        agent.Events.Schedule(meeting, new GroupMeeting(id));
        return true;
    }

    public void OnMeeting(GroupMeeting e, double t)
    {
        var matter = _agenda[e.Matter];
        _agenda.Remove(e.Matter);
        agent.Trace?.Add(TraceKind.Meeting, t, matter.Base.Id, matter.Base.Segment, matter.Step, matter.Agency);

        // Counted with the consultations decided, as one that ended when the group settled it.
        if (agent.Counting(t))
        {
            Settled++;
        }

        agent.Flow.StepDone(matter.Base.Accrue(PathPart.Council, t - matter.Ready), matter.Step, agent.Index, matter.Agency, matter.Ready, t, matter.Ready, 0);
    }

    private WorkingGroupModel? GroupOf(Holder[] consulted)
    {
        foreach (var group in _mine)
        {
            if (consulted.All(h => group.Members.Contains(h.Agent)))
            {
                return group;
            }
        }

        return null;
    }

    private readonly record struct Matter(ProjectToken Base, int Step, int Agency, double Ready);
}
