namespace IsdnSim.Grains.Hosting;

/// <summary>
/// Watches which silos of a cluster are active, by asking the management grain every
/// <see cref="Interval"/>, and cancels a token when a silo leaves. A replication holds the token
/// of the silo its grains live on, so when membership declares that silo dead the replication
/// stops waiting at once and runs again elsewhere, instead of waiting for a response timeout.
/// </summary>
public sealed class ClusterWatch : IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly object _gate = new();
    private readonly Dictionary<SiloAddress, CancellationTokenSource> _watched = [];
    private readonly HashSet<SiloAddress> _departed = [];
    private readonly CancellationTokenSource _stop = new();
    private HashSet<SiloAddress> _active;
    private CancellationTokenSource _anyLoss = new();
    private Task _loop = Task.CompletedTask;

    private ClusterWatch(IGrainFactory grains, HashSet<SiloAddress> active)
    {
        _grains = grains;
        _active = active;
    }

    /// <summary>How often membership is asked.</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Silos active when the watch started: the cluster's shape for the manifest, recorded before any simulation.</summary>
    public int SilosAtStart { get; private init; }

    /// <summary>Silos that have left the cluster since the watch started.</summary>
    public int SilosLost { get; private set; }

    /// <summary>Called with a silo that left the cluster.</summary>
    public event Action<SiloAddress>? SiloLeft;

    /// <summary>Starts watching; the first answer is awaited, so <see cref="SilosAtStart"/> is known.</summary>
    public static async Task<ClusterWatch> StartAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(grains).WaitAsync(cancellationToken);
        var watch = new ClusterWatch(grains, active) { SilosAtStart = active.Count };
        watch._loop = watch.LoopAsync();
        return watch;
    }

    /// <summary>
    /// A token cancelled when <paramref name="silo"/> leaves the cluster (already cancelled if it
    /// has left). A silo not seen yet counts as alive: it may have joined since the last poll.
    /// </summary>
    public CancellationToken Lost(SiloAddress silo)
    {
        lock (_gate)
        {
            if (_departed.Contains(silo))
            {
                return new CancellationToken(canceled: true);
            }

            if (!_watched.TryGetValue(silo, out var source))
            {
                _watched[silo] = source = new CancellationTokenSource();
            }

            return source.Token;
        }
    }

    /// <summary>A token cancelled when any silo active now leaves: for calls whose silo is not known yet.</summary>
    public CancellationToken AnyLoss
    {
        get
        {
            lock (_gate)
            {
                return _anyLoss.Token;
            }
        }
    }

    private static async Task<HashSet<SiloAddress>> ActiveAsync(IGrainFactory grains) =>
        [.. (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys];

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                HashSet<SiloAddress> active;
                try
                {
                    var asking = ActiveAsync(_grains);
                    _ = asking.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                    active = await asking.WaitAsync(TimeSpan.FromSeconds(5), _stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    // No answer (the gateway is reconnecting, or busy): keep what was known; calls still time out in the end.
                    continue;
                }

                Update(active);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private void Update(HashSet<SiloAddress> active)
    {
        List<SiloAddress> left;
        List<CancellationTokenSource> cancel = [];
        lock (_gate)
        {
            left = [.. _active.Where(s => !active.Contains(s))];
            _active = active;

            foreach (var silo in left)
            {
                _departed.Add(silo);
                SilosLost++;
                if (_watched.Remove(silo, out var source))
                {
                    cancel.Add(source);
                }
            }

            if (left.Count > 0)
            {
                cancel.Add(_anyLoss);
                _anyLoss = new CancellationTokenSource();
            }
        }

        // Outside the lock: cancelling runs the waiting replications' continuations.
        foreach (var source in cancel)
        {
            source.Cancel();
        }

        foreach (var silo in left)
        {
            try
            {
                SiloLeft?.Invoke(silo);
            }
            catch (Exception)
            {
                // A listener's failure (a closed console) must not stop the watch.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
