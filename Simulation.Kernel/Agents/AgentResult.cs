namespace IsdnSim.Kernel.Agents;

/// <summary>Everything an agent recorded in one replication, collected after the horizon.</summary>
public sealed record AgentResult(
    int Agent,
    AgencyStatistics[] Agencies,
    ArrivalTally[] Arrivals,
    ProjectRecord[] Finished,
    StepRecord[] Steps,
    long Events,
    AgentTallies Tallies);
