using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains;

/// <summary>An agent's figures after the horizon; its project and step records are fetched in pages.</summary>
[GenerateSerializer, Immutable, Alias("IsdnSim.AgentClosing")]
public sealed record AgentClosing(
    [property: Id(0)] AgencyStatistics[] Agencies,
    [property: Id(1)] ArrivalTally[] Arrivals,
    [property: Id(2)] int Projects,
    [property: Id(3)] int Steps,
    [property: Id(4)] long Events,
    [property: Id(5)] AgentTallies Tallies);
