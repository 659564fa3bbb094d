namespace IsdnSim.Grains;

/// <summary>
/// Drives one replication: plans windows with Core's <see cref="IsdnSim.Core.Kernel.WindowCoordinator"/>,
/// calls the agents due in each and routes their messages. The client advances it in slices of
/// wall time, so no call comes near Orleans' response timeout however long the run.
/// </summary>
[Alias("IsdnSim.IRunCoordinatorGrain")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Creates the replication's agents; with <paramref name="trace"/>, each <see cref="Advance"/> returns the trace events that are final.</summary>
    [Alias("Start")]
    Task<int> Start(string specKey, int replication, bool trace);

    [Alias("Advance")]
    Task<CoordinatorProgress> Advance(TimeSpan budget);

    [Alias("Release")]
    Task Release();
}
