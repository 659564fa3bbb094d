using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Legal periods (a step of kind period): the plan lies open for a month (§73(3) VwVfG), objections
/// may be raised for two more weeks (§73(4)). Nobody works on them and no staff can shorten them:
/// the step is done exactly its duration after it became ready at its holder.
/// </summary>
internal sealed class Periods(AgentContext agent)
{
    private readonly Dictionary<long, Running> _running = [];
    private long _nextId = 1;

    public void Start(in ProjectToken token, int step, int agency, double t)
    {
        var end = t + agent.StepsOf(token)[step].Duration;
        var id = _nextId++;
        _running[id] = new Running(token, step, agency, t);
        agent.Trace?.Add(TraceKind.Period, t, token.Id, token.Segment, step, agency, value: end);
        agent.Events.Schedule(end, new PeriodEnds(id));
    }

    public void OnEnd(PeriodEnds e, double t)
    {
        var period = _running[e.Period];
        _running.Remove(e.Period);
        agent.Flow.StepDone(period.Base.Accrue(PathPart.Period, t - period.Ready), period.Step, agent.Index, period.Agency, period.Ready, t, period.Ready, 0);
    }

    private readonly record struct Running(ProjectToken Base, int Step, int Agency, double Ready);
}
