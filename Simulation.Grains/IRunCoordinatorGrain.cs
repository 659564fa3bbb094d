using IsdnSim.Analysis.Engine;
using IsdnSim.Grains.Windows;
using Orleans.Concurrency;

namespace IsdnSim.Grains;

/// <summary>
/// Drives one replication: plans windows with the kernel's <see cref="IsdnSim.Kernel.Agents.WindowCoordinator"/>,
/// calls the agents due in each and routes their messages. The client advances it in slices of
/// wall time, so no call comes near Orleans' response timeout however long the run.
/// </summary>
[Alias("IsdnSim.IRunCoordinatorGrain")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Compiles the run (once per silo), creates the replication's agents, and says on which silo
    /// they live; with <paramref name="trace"/>, each <see cref="Advance"/> returns the trace events that are final.
    /// </summary>
    [Alias("Start")]
    Task<RunStarted> Start(Immutable<RunSpec> spec, int replication, bool trace);

    /// <summary>
    /// The run's spec, for an agent whose silo has no model under the spec's key: placed on another
    /// silo than its coordinator (a silo joined or left meanwhile), or on this silo after other runs
    /// evicted the model from its cache between <see cref="Start"/> compiling it and the agent
    /// initialising. It is asked while <see cref="Start"/> awaits the agents, so it interleaves (it
    /// only reads the spec, set before the agents are called); otherwise the two wait for each
    /// other until the response timeout.
    /// </summary>
    [Alias("Spec")]
    [AlwaysInterleave]
    Task<Immutable<RunSpec>> Spec();

    [Alias("Advance")]
    Task<CoordinatorProgress> Advance(TimeSpan budget);

    [Alias("Release")]
    Task Release();
}
