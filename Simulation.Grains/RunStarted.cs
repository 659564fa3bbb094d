namespace IsdnSim.Grains;

/// <summary>
/// A replication's coordinator has created its agents: how many, in how many groups
/// (<see cref="AgentGroups"/>), and the silo they live on (to notice when it leaves).
/// </summary>
[GenerateSerializer, Immutable, Alias("IsdnSim.RunStarted")]
public sealed record RunStarted([property: Id(0)] int Agents, [property: Id(2)] int Groups, [property: Id(1)] SiloAddress Silo);
