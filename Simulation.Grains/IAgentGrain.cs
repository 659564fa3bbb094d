using IsdnSim.Kernel.Agents;

using Orleans.Concurrency;

namespace IsdnSim.Grains;

/// <summary>
/// Hosts one kernel agent for one replication. Arrays travel as <see cref="Immutable{T}"/>: nobody
/// changes them after sending, so calls within a silo need not copy them. Called only by its run coordinator (and, for the
/// results, by the client), never by other agents, so grain calls cannot form a cycle.
/// </summary>
[Alias("IsdnSim.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Creates the agent (recording a trace of what it does if <paramref name="trace"/>); returns the time of its first event.</summary>
    [Alias("Initialize")]
    Task<double> Initialize(string specKey, int replication, int agent, bool trace);

    [Alias("Advance")]
    Task<Immutable<AdvanceResult>> Advance(double until, Immutable<Message[]> inbox, long maxEvents);

    [Alias("Close")]
    Task<AgentClosing> Close(double horizon);

    [Alias("Projects")]
    Task<Immutable<ProjectRecord[]>> Projects(int offset, int count);

    [Alias("Steps")]
    Task<Immutable<StepRecord[]>> Steps(int offset, int count);

    [Alias("Release")]
    Task Release();
}
