using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Legal fictions on staffed steps (<c>deemed_after</c>): the municipal consent counts as given
/// after two months (§36(2) BauGB), a plan approval as granted after three (§6(4) BauGB). When such
/// a step becomes ready at its holder (each review round of an approval anew), its time starts;
/// if the holder has not finished it when the time is up, the step counts as done by law then,
/// and the project goes on. The file the holder still has is not taken back: if it is still in
/// the queue, it is dropped when staff reach it, at no staff time; if it is in work, the work is
/// finished and has no effect (a support share already asked for is done too). A holder that
/// finishes in time, or returns the file for rework, ends that round's time.
/// </summary>
internal sealed class Fictions(AgentContext agent)
{
    private readonly Dictionary<long, Watched> _watched = [];
    private readonly long[] _deemedAt = new long[agent.Agencies.Length];
    private long _nextId = 1;

    /// <summary>Legal periods of steps with a fiction that ended after the warm-up, by the holder's work or by the law.</summary>
    public long Ended { get; private set; }

    /// <summary>Of <see cref="Ended"/>, those that ran out: steps done by law.</summary>
    public long Deemed { get; private set; }

    /// <summary>Steps of this agency's roles done by law after the warm-up.</summary>
    public long DeemedAt(int agency) => _deemedAt[agency];

    /// <summary>
    /// A work or approval step becomes ready at its holder: if it has a fiction, its time starts, and
    /// the item is watched. This and <see cref="Decided"/> and <see cref="Settle"/> are asked of every
    /// step and item, so they answer for a step or item without a fiction from <paramref name="agent"/>
    /// alone: the mechanism is made at the first step with a fiction (<see cref="AgentContext.Fictions"/>).
    /// </summary>
    public static void Watch(AgentContext agent, ref WorkItem item, StepModel step, int agency, double t)
    {
        if (double.IsFinite(step.DeemedAfter))
        {
            agent.Fictions.Start(ref item, step, agency, t);
        }
    }

    /// <summary>Staff are about to take the item: true if the law has decided its step already, so it is dropped unworked.</summary>
    public static bool Decided(AgentContext agent, in WorkItem item) => item.Fiction != 0 && agent.Fictions.TakeIfDeemed(item);

    /// <summary>The holder's work on the step is done (to be approved or returned): true if it still counts, false if the law was first.</summary>
    public static bool Settle(AgentContext agent, in WorkItem item, double t) => item.Fiction == 0 || agent.Fictions.End(item, t);

    private void Start(ref WorkItem item, StepModel step, int agency, double t)
    {
        var id = _nextId++;
        _watched[id] = new Watched(item.Token, item.Step, agency, t);
        item.Fiction = id;
        agent.Events.Schedule(t + step.DeemedAfter, new FictionDue(id));
    }

    public void OnDue(FictionDue e, double t)
    {
        // Gone: the holder finished (or returned the file) in time.
        if (!_watched.TryGetValue(e.Fiction, out var w))
        {
            return;
        }

        _watched[e.Fiction] = w with { Deemed = true };
        if (agent.Counting(t))
        {
            Ended++;
            Deemed++;
            _deemedAt[w.Agency]++;
        }

        agent.Trace?.Add(TraceKind.Deemed, t, w.Base.Id, w.Base.Segment, w.Step, w.Agency);
        agent.Flow.StepDone(w.Base.Accrue(PathPart.Wait, t - w.Ready), w.Step, agent.Index, w.Agency, w.Ready, t, t, 0, byLaw: true);
    }

    private bool TakeIfDeemed(in WorkItem item)
    {
        if (!_watched[item.Fiction].Deemed)
        {
            return false;
        }

        _watched.Remove(item.Fiction);
        return true;
    }

    private bool End(in WorkItem item, double t)
    {
        // One lookup: the entry is taken out as it is read.
        if (!_watched.Remove(item.Fiction, out var watched))
        {
            throw new KeyNotFoundException($"No legal period {item.Fiction} is watched.");
        }

        var deemed = watched.Deemed;
        if (!deemed && agent.Counting(t))
        {
            Ended++;
        }

        return !deemed;
    }

    private readonly record struct Watched(ProjectToken Base, int Step, int Agency, double Ready, bool Deemed = false);
}
