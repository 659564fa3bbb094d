using System.Runtime.InteropServices;
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
    private readonly Dictionary<JoinKey, int> _awaited = [];

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

        // One lookup for the count, read and written in place.
        var key = new JoinKey(token.Id, step, token.Segment);
        ref var awaited = ref CollectionsMarshal.GetValueRefOrAddDefault(_awaited, key, out var known);
        if (!known)
        {
            awaited = needed - 1;
            return;
        }

        if (awaited > 1)
        {
            awaited--;
            return;
        }

        _awaited.Remove(key);
        agent.Flow.StepReady(token, step, t);
    }

    /// <summary>
    /// (project, step, segment) with a hash of a few multiplications and shifts, instead of the
    /// tuple's, which hashes each part and mixes them in rounds. Only lookups use the hash, never
    /// an order, so its quality touches speed alone.
    /// </summary>
    internal readonly record struct JoinKey(ProjectId Project, int Step, int Segment)
    {
        public bool Equals(JoinKey other) =>
            Project.Serial == other.Project.Serial && Project.Owner == other.Project.Owner && Project.Process == other.Project.Process
            && Step == other.Step && Segment == other.Segment;

        public override int GetHashCode() =>
            unchecked((Project.Serial * -1640531535) ^ (Project.Owner * 40503) ^ (Project.Process << 24) ^ (Step << 16) ^ Segment);
    }
}
