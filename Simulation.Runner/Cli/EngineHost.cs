using IsdnSim.Core.Engine;
using IsdnSim.Grains;
using IsdnSim.Runner.Hosting;

namespace IsdnSim.Runner.Cli;

/// <summary>The engine a command asked for, with the silo or cluster connection it needs.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly OrleansConnection? _connection;

    private EngineHost(ISimulationEngine engine, OrleansConnection? connection, string description)
    {
        Engine = engine;
        _connection = connection;
        Description = description;
    }

    public ISimulationEngine Engine { get; }

    public string Description { get; }

    /// <summary>
    /// Replications to run at the same time when the user does not say: one per core in-process;
    /// on Orleans two per core of every silo, as a coordinator waits for its agents' answers
    /// between windows and a second replication fills that time (BENCHMARKS.md: 2.15 s instead of 3.7 s).
    /// </summary>
    public async Task<int> DefaultParallelismAsync() =>
        _connection is null ? Environment.ProcessorCount : 2 * Environment.ProcessorCount * Math.Max(1, await CountSilosAsync());

    /// <summary>Silos the run used; 0 for the in-process engine.</summary>
    public async Task<int> CountSilosAsync() => _connection is null ? 0 : await _connection.CountSilosAsync();

    /// <summary>Starts the engine; <paramref name="activityPropagation"/> lets Orleans' grain calls carry activities (for --trace-runtime).</summary>
    public static async Task<EngineHost> StartAsync(EngineOptions settings, CancellationToken cancellationToken, bool activityPropagation = false)
    {
        if (settings.Engine == "inprocess")
        {
            return new EngineHost(new InProcessEngine(), null, "in-process engine");
        }

        var connection = settings.Cluster is { } redis
            ? await OrleansConnection.ConnectAsync(redis, cancellationToken, activityPropagation)
            : await OrleansConnection.StartEmbeddedAsync(cancellationToken, activityPropagation);
        return new EngineHost(new OrleansEngine(connection.Grains, connection.LocalSilo), connection, "Orleans, " + connection.Description);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
