namespace IsdnSim.Core.Kernel;

/// <summary>
/// Where the time on a project's critical chain went, in calendar days: waiting in queues,
/// being worked on, and travelling between agents. At a join the chain of the predecessor
/// that finished last is kept, so for a finished project the three add up to its lead time.
/// </summary>
public readonly record struct PathSummary(double Wait, double Work, double Handoff)
{
    public double Total => Wait + Work + Handoff;

    public PathSummary AddWait(double days) => this with { Wait = Wait + days };

    public PathSummary AddWork(double days) => this with { Work = Work + days };

    public PathSummary AddHandoff(double days) => this with { Handoff = Handoff + days };
}
