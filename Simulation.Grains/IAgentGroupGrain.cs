using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;
using Orleans.Concurrency;

namespace IsdnSim.Grains;

/// <summary>
/// Hosts a group of one replication's kernel agents: agents g, g + n, g + 2n, ... of a run with n
/// groups (<see cref="AgentGroups"/>). Arrays travel as <see cref="Immutable{T}"/>: nobody changes
/// them after sending, so calls within a silo need not copy them. Called only by its run
/// coordinator (and, for the results, by the client), never by other groups, so grain calls
/// cannot form a cycle.
/// </summary>
[Alias("IsdnSim.IAgentGroupGrain")]
public interface IAgentGroupGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the group's agents (recording a trace of what they do if <paramref name="trace"/>);
    /// returns the time of each one's first event, in the group's order (<see cref="AgentGroups.Member"/>).
    /// A replication's only group spreads a large window's agents over up to <paramref name="windowThreads"/>
    /// threads, as the in-process engine does (<see cref="IsdnSim.Analysis.Engine.RunSpec.WindowThreads"/>).
    /// </summary>
    [Alias("Initialize")]
    Task<Immutable<double[]>> Initialize(string specKey, int replication, int group, int groups, bool trace, int windowThreads);

    /// <summary>
    /// One window for the group's agents that are due, in the order of <paramref name="window"/>; their
    /// answers in that order. The caller refills the window after the call, and the group refills the
    /// answer at its next call: a caller reads the answer before it calls the group again.
    /// </summary>
    [Alias("AdvanceWindow")]
    Task<Immutable<GroupAnswer>> Advance(Immutable<GroupWindow> window);

    /// <summary>
    /// For a replication with this group as its only one (<c>groups</c> 1 at <see cref="Initialize"/>):
    /// runs its windows here, planned by the kernel's window coordinator, until the horizon or for
    /// <paramref name="budget"/> of wall time, instead of one <see cref="Advance"/> call per window
    /// (<see cref="Windows.SoleGroupRun"/>). Its coordinator calls nothing else between them.
    /// </summary>
    [Alias("AdvanceAlone")]
    Task<CoordinatorProgress> AdvanceAlone(TimeSpan budget);

    /// <summary>Closes every agent of the group at the horizon; their figures in the group's order.</summary>
    [Alias("Close")]
    Task<Immutable<AgentClosing[]>> Close(double horizon);

    [Alias("Projects")]
    Task<Immutable<ProjectRecord[]>> Projects(int agent, int offset, int count);

    [Alias("Steps")]
    Task<Immutable<StepRecord[]>> Steps(int agent, int offset, int count);

    [Alias("Release")]
    Task Release();
}
