namespace IsdnSim.Grains;

/// <summary>
/// How a replication's agents are spread over agent group grains. One grain per agent made every
/// window one grain call per due agent, and every replication thousands of activations (Germany:
/// 13,331); a grain call costs far more than most agents' work in a window. A few groups per core
/// keep the agents of a window running in parallel with a handful of calls. Agent a is in group
/// a mod n, so the agents of a district, listed side by side, spread over the groups. Which group
/// an agent is in changes no result: each agent runs alone, and answers are applied in agent order.
/// </summary>
public static class AgentGroups
{
    /// <summary>Groups per core of the silo that runs the replication: enough to even out groups with more work in a window than others.</summary>
    public const int PerCore = 4;

    /// <summary>
    /// Agents a group is given before a replication is split into more groups (the default of
    /// <see cref="AgentGroupOptions.AgentsPerGroup"/>). A window of a small region is a few dozen
    /// events, less work than the grain calls that would share it out: the rural district (36
    /// agents, 1,738 windows) ran 4x slower than in-process in eight groups.
    /// </summary>
    public const int AgentsPerGroup = 256;

    /// <summary>
    /// Fewest cores the embedded silo needs before it splits a replication (<see cref="AgentGroupOptions.CoresToSplit"/>);
    /// on two cores its replications each run in one group. The process's first replication runs
    /// beside the JIT's background thread, which recompiles the kernel's hot code twice (with
    /// dynamic PGO's instrumentation, then optimised) through all of it: Germany, 3 s of CPU on
    /// that thread. In one group the replication leaves the second core to it, as the in-process
    /// engine does (first replication 4.5 s against 6.5-7.0 s in eight groups); split, both cores
    /// simulate and the recompiling takes a third of one (BENCHMARKS.md, fifth round). The one group
    /// still spreads a large window's agents over the window threads, as the in-process engine does
    /// since the sixth round (<see cref="Windows.SoleGroupRun"/>; ninth round).
    /// </summary>
    public const int EmbeddedCoresToSplit = 3;

    /// <summary>
    /// Groups for a replication of <paramref name="agents"/> agents on a silo with <paramref name="cores"/>
    /// cores: one per <paramref name="agentsPerGroup"/> agents begun, at most <see cref="PerCore"/> per core;
    /// one on a silo with fewer than <paramref name="coresToSplit"/> cores.
    /// </summary>
    public static int Count(int agents, int cores, int agentsPerGroup = AgentsPerGroup, int coresToSplit = 1) =>
        Math.Max(1, cores) < coresToSplit ? 1
            : Math.Max(1, Math.Min((agents + agentsPerGroup - 1) / agentsPerGroup, PerCore * Math.Max(1, cores)));

    public static int GroupOf(int agent, int groups) => agent % groups;

    /// <summary>The agent at <paramref name="index"/> in group <paramref name="group"/>'s order.</summary>
    public static int Member(int group, int index, int groups) => group + index * groups;

    /// <summary>Where <paramref name="agent"/> is in its group's order.</summary>
    public static int IndexOf(int agent, int groups) => agent / groups;

    /// <summary>Agents in group <paramref name="group"/>.</summary>
    public static int Size(int group, int groups, int agents) => (agents - group + groups - 1) / groups;
}
