using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// A step with several predecessors (or one per segment of a linear measure) waits for all of
/// them. The one that arrives last is on the critical chain, so its token (path, dominant step,
/// counts) is the one carried on.
/// </summary>
internal sealed class Joins(AgentContext agent)
{
    /// <summary>Predecessors still awaited, by (project, step, segment).</summary>
    private readonly Dictionary<(ProjectId Project, int Step, int Segment), int> _awaited = [];

    public void PredecessorDone(in ProjectToken token, int step, double t)
    {
        var s = agent.StepsOf(token)[step];
        var needed = s.PerSegment
            ? s.Predecessors.Length
            : s.Predecessors.Length - s.SegmentPredecessors + (s.SegmentPredecessors > 0 ? s.SegmentPredecessors * agent.Flow.Route(token.Id).Length : 0);
        if (needed <= 1)
        {
            agent.Flow.StepReady(token, step, t);
            return;
        }

        var key = (token.Id, step, token.Segment);
        if (!_awaited.TryGetValue(key, out var awaited))
        {
            _awaited[key] = needed - 1;
            return;
        }

        if (awaited > 1)
        {
            _awaited[key] = awaited - 1;
            return;
        }

        _awaited.Remove(key);
        agent.Flow.StepReady(token, step, t);
    }
}
