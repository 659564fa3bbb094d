using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// The agent's councils (Gemeindevertretung, Kreistag) and their committees (Ausschüsse): a
/// council step first passes, in order, the committees it names that this agent has, each at its
/// own next session, then waits on the council's agenda; every agenda takes an item at the first
/// session at least its submission period after the item joined it, and each session takes at
/// most its agenda's worth. Only the council's session decides.
/// </summary>
internal sealed class Councils
{
    private readonly AgentContext _agent;
    private readonly CouncilRuntime?[] _councils;

    // The items a session decided, and a spare list: a session takes the spare for its decisions,
    // so what they hand on can reach a council (even a session) again while the list is read, and
    // no session copies it.
    private List<WorkItem>? _spare;

    public Councils(AgentContext agent)
    {
        _agent = agent;
        _councils = [.. agent.Agencies.Select(a => a.IsCouncil ? new CouncilRuntime(a, agent.Calendar, agent.Model.YearStarts, agent.Model.Warmup.Days) : null)];
    }

    /// <summary>A council step of this agent's <paramref name="council"/> is ready: it goes to its first committee, or to the council.</summary>
    public void Enqueue(in ProjectToken token, int step, int council, double t)
    {
        var s = _agent.StepsOf(token)[step];
        var stage = NextStage(s, 0);
        Join(new WorkItem { Token = token, Kind = WorkKind.Step, Step = step, Ready = t, Admitted = t, Stage = stage }, AgendaOf(s, stage, council), t);
    }

    public void OnSession(CouncilSession e, double t)
    {
        var council = _councils[e.Agency]!;
        var decided = _spare ?? [];
        _spare = null;
        var next = council.Decide(t, decided);
        _agent.Trace?.Add(TraceKind.Session, t, TraceRecorder.NoProject, -1, -1, e.Agency, peer: decided.Count, queue: council.Queue.Count);
        if (!double.IsNaN(next))
        {
            _agent.Events.Schedule(next, new CouncilSession(e.Agency));
        }

        foreach (var item in decided)
        {
            var token = item.Token.Accrue(PathPart.Council, t - item.Admitted);
            var s = _agent.StepsOf(token)[item.Step];
            if (item.Stage < s.Committees.Length)
            {
                // A committee's recommendation: on to the next committee, or to the council.
                var stage = NextStage(s, item.Stage + 1);
                var agency = AgendaOf(s, stage, _agent.HolderOf(token, s.Role).Agency);
                Join(item with { Token = token, Admitted = t, Stage = stage }, agency, t);
                continue;
            }

            _agent.Flow.StepDone(token, item.Step, _agent.Index, e.Agency, item.Ready, t, item.Ready, 0);
        }

        decided.Clear();
        _spare = decided;
    }

    public AgencyStatistics Close(int agency, double horizon) => _councils[agency]!.Close(_agent.Index, horizon);

    /// <summary>The first of the step's committees from <paramref name="from"/> on that this agent has; their count if none.</summary>
    private int NextStage(StepModel s, int from)
    {
        var stage = from;
        while (stage < s.Committees.Length && _agent.Self.Committees[s.Committees[stage]] < 0)
        {
            stage++;
        }

        return stage;
    }

    private int AgendaOf(StepModel s, int stage, int council) =>
        stage < s.Committees.Length ? _agent.Self.Committees[s.Committees[stage]] : council;

    private void Join(in WorkItem item, int agency, double t)
    {
        var agenda = _councils[agency]!;
        var next = agenda.Enqueue(item, t);
        _agent.Trace?.Add(TraceKind.Enqueue, t, item.Token.Id, item.Token.Segment, item.Step, agency, detail: (byte)WorkKind.Step, queue: agenda.Queue.Count);
        if (!double.IsNaN(next))
        {
            _agent.Events.Schedule(next, new CouncilSession(agency));
        }
    }
}
