namespace IsdnSim.Grains;

/// <summary>
/// Drives one replication: plans windows with Core's <see cref="IsdnSim.Core.Kernel.WindowCoordinator"/>,
/// calls the agents due in each and routes their messages. The client advances it in slices of
/// wall time, so no call comes near Orleans' response timeout however long the run.
/// </summary>
[Alias("IsdnSim.IRunCoordinatorGrain")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<int> Start(string specKey, int replication);

    [Alias("Advance")]
    Task<CoordinatorProgress> Advance(TimeSpan budget);

    [Alias("Release")]
    Task Release();
}
