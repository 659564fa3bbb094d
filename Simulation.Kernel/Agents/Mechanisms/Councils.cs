using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// The agent's councils (Gemeindevertretung, Kreistag): a council step waits on the agenda for a
/// session at least the submission period away; each session decides its agenda's worth.
/// </summary>
internal sealed class Councils
{
    private readonly AgentContext _agent;
    private readonly CouncilRuntime?[] _councils;
    private readonly List<WorkItem> _decided = [];

    public Councils(AgentContext agent)
    {
        _agent = agent;
        _councils = [.. agent.Self.Agencies.Select(a => a.IsCouncil ? new CouncilRuntime(a, agent.Calendar, agent.Model.YearStarts, agent.Model.Warmup.Days) : null)];
    }

    public void Enqueue(in ProjectToken token, int step, int agency, double t)
    {
        var council = _councils[agency]!;
        var next = council.Enqueue(new WorkItem { Token = token, Kind = WorkKind.Step, Step = step, Ready = t }, t);
        _agent.Trace?.Add(TraceKind.Enqueue, t, token.Id, token.Segment, step, agency, detail: (byte)WorkKind.Step, queue: council.Queue.Count);
        if (!double.IsNaN(next))
        {
            _agent.Events.Schedule(next, new CouncilSession(agency));
        }
    }

    public void OnSession(CouncilSession e, double t)
    {
        var council = _councils[e.Agency]!;
        var next = council.Decide(t, _decided);
        _agent.Trace?.Add(TraceKind.Session, t, TraceRecorder.NoProject, -1, -1, e.Agency, peer: _decided.Count, queue: council.Queue.Count);
        if (!double.IsNaN(next))
        {
            _agent.Events.Schedule(next, new CouncilSession(e.Agency));
        }

        // A copy: what the decisions hand on may reach a council again before this loop ends.
        foreach (var item in _decided.ToArray())
        {
            _agent.Flow.StepDone(item.Token.Accrue(PathPart.Council, t - item.Ready), item.Step, _agent.Index, e.Agency, item.Ready, t, item.Ready, 0);
        }
    }

    public AgencyStatistics Close(int agency, double horizon) => _councils[agency]!.Close(_agent.Index, horizon);
}
