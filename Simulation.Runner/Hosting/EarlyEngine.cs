using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;

namespace IsdnSim.Runner.Hosting;

/// <summary>
/// The embedded silo, started on the thread pool while the command reads and checks its scenario:
/// the two take about the same CPU time at start-up (BENCHMARKS.md, start-up), and on two or more
/// cores one no longer waits for the other. Only for the embedded silo, which prints nothing while it
/// starts and needs nothing of the scenario; a cluster connection and an in-process engine start as
/// before. Disposed without being taken (the scenario had a problem), the start is cancelled and
/// whatever did start is stopped, or, a silo that finished starting in the isdnsim process, left to
/// end with it (<see cref="EngineHost.ProcessEndsWithCommand"/>).
/// </summary>
internal sealed class EarlyEngine : IAsyncDisposable
{
    private readonly CancellationTokenSource _abandon;
    private readonly Task<EngineHost> _starting;
    private bool _taken;

    private EarlyEngine(CancellationTokenSource abandon, Task<EngineHost> starting)
    {
        _abandon = abandon;
        _starting = starting;
    }

    /// <summary>Starts the engine now if it is the embedded silo; null for the others, which the command starts when it needs them.</summary>
    public static EarlyEngine? StartIfEmbedded(EngineOptions settings, CancellationToken cancellationToken, Consoles consoles, bool activityPropagation)
    {
        if (settings.Engine == "inprocess" || settings.Cluster is not null)
        {
            return null;
        }

        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var starting = Task.Run(() => EngineHost.StartAsync(settings, abandon.Token, consoles, activityPropagation));
        return new EarlyEngine(abandon, starting);
    }

    /// <summary>The started engine, which the caller now owns; throws what the start threw (cancelled when the command's token was).</summary>
    public Task<EngineHost> TakeAsync()
    {
        _taken = true;
        return _starting;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_taken)
        {
            await _abandon.CancelAsync();
            try
            {
                await (await _starting).DisposeAsync();
            }
            catch (Exception)
            {
                // Cancelled or failed while starting: the start stopped what it had started already.
            }
        }

        _abandon.Dispose();
    }
}
