namespace IsdnSim.Core.Kernel;

/// <summary>
/// Where the time on a project's critical chain went, in calendar days: waiting in queues,
/// in service (being worked on, nights and weekends within included), and travelling between agents. At a join the chain of the predecessor
/// that finished last is kept, so for a finished project the three add up to its lead time.
/// </summary>
public readonly record struct PathSummary(double Wait, double Service, double Handoff)
{
    public double Total => Wait + Service + Handoff;

    public PathSummary AddWait(double days) => this with { Wait = Wait + days };

    public PathSummary AddService(double days) => this with { Service = Service + days };

    public PathSummary AddHandoff(double days) => this with { Handoff = Handoff + days };
}
