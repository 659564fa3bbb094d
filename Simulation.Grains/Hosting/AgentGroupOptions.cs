using IsdnSim.Kernel.Agents.Runtime;

namespace IsdnSim.Grains.Hosting;

/// <summary>How a silo splits the replications it runs into agent groups (<see cref="AgentGroups"/>).</summary>
public sealed class AgentGroupOptions
{
    /// <summary>
    /// Agents a group is given before a replication is split into more groups. The grouping changes
    /// no result; the tests' clusters set 1, so that small scenarios are spread over groups too.
    /// </summary>
    public int AgentsPerGroup { get; set; } = AgentGroups.AgentsPerGroup;

    /// <summary>
    /// Fewest cores the silo needs before it splits a replication into groups; on fewer, every
    /// replication runs in one group. 1 (the default, standalone silos and the tests' clusters):
    /// always split by <see cref="AgentsPerGroup"/>; the embedded silo sets <see cref="AgentGroups.EmbeddedCoresToSplit"/>.
    /// </summary>
    public int CoresToSplit { get; set; } = 1;

    /// <summary>
    /// Due agents from which a replication's only group spreads a window over its threads
    /// (<see cref="IsdnSim.Kernel.Agents.Runtime.WindowCalls.ParallelFrom"/>); the in-process engine's by default.
    /// Changes no result; the tests' one-group silo sets 0, so that small scenarios' windows are spread too.
    /// </summary>
    public int SpreadFromDueAgents { get; set; } = WindowCalls.DefaultParallelFrom;

    /// <summary>
    /// Expected events from which a replication's only group spreads a window over its threads
    /// (<see cref="IsdnSim.Kernel.Agents.Runtime.WindowCalls.SpreadFromEvents"/>); the in-process engine's by default.
    /// </summary>
    public long SpreadFromEvents { get; set; } = WindowCalls.DefaultSpreadFromEvents;
}
