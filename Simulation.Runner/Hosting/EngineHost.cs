using IsdnSim.Analysis.Engine;
using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;
using Spectre.Console;

namespace IsdnSim.Runner.Hosting;

/// <summary>The engine a command asked for, with the silo or cluster connection it needs.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly OrleansConnection? _connection;
    private readonly OrleansEngine? _orleans;
    private Task? _stopping;

    private EngineHost(ISimulationEngine engine, OrleansConnection? connection, string description)
    {
        Engine = engine;
        _orleans = engine as OrleansEngine;
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
    public int DefaultParallelism =>
        _connection is null ? Environment.ProcessorCount : 2 * Environment.ProcessorCount * Math.Max(1, _connection.Silos);

    /// <summary>Silos when the engine started (0 for the in-process engine): the cluster's shape for the manifest.</summary>
    public int Silos => _connection?.Silos ?? 0;

    /// <summary>Silos that left the cluster while the command ran.</summary>
    public int SilosLost => _connection?.Watch?.SilosLost ?? 0;

    /// <summary>Replications run again because their silo left.</summary>
    public int Rerun => _orleans?.Rerun ?? 0;

    /// <summary>After a batch: one line on standard error if silos were lost and replications run again; nothing otherwise.</summary>
    public void ReportReruns(TextWriter errors)
    {
        if (Rerun > 0)
        {
            errors.WriteLine($"isdnsim: {SilosLost} silo{(SilosLost == 1 ? "" : "s")} left the cluster; {Rerun} replication{(Rerun == 1 ? " was" : "s were")} run again from the start (same bytes as without the loss).");
        }
    }

    /// <summary>
    /// Starts the engine; <paramref name="activityPropagation"/> lets Orleans' grain calls carry activities (for --trace-runtime).
    /// On a cluster, a replication lost with its silo runs again elsewhere, and <paramref name="consoles"/> hear of it.
    /// </summary>
    /// <exception cref="ClusterUnavailableException">--cluster was given and no silo answered in time.</exception>
    public static async Task<EngineHost> StartAsync(EngineOptions settings, CancellationToken cancellationToken, Consoles? consoles = null, bool activityPropagation = false)
    {
        if (settings.Engine == "inprocess")
        {
            return new EngineHost(new InProcessEngine(), null, "in-process engine");
        }

        if (settings.Cluster is { } address)
        {
            consoles?.Out.MarkupLine($"Connecting to the cluster in Redis {Markup.Escape(RedisAddress.Display(address))} (waiting up to {OrleansConnection.ConnectTimeout.TotalSeconds:0} s for a silo) ...");
        }

        var errors = consoles?.Errors;
        var connection = settings.Cluster is { } redis
            ? await OrleansConnection.ConnectAsync(redis, cancellationToken, activityPropagation)
            : await OrleansConnection.StartEmbeddedAsync(cancellationToken, activityPropagation);
        if (connection.Watch is { } watch && errors is not null)
        {
            watch.SiloLeft += silo => errors.WriteLine($"isdnsim: warning: silo {silo} left the cluster; its replications run again on the silos that remain.");
        }

        var engine = new OrleansEngine(connection.Grains, connection.LocalSilo, connection.Watch)
        {
            Rerunning = errors is null ? null : (replication, why) => errors.WriteLine($"isdnsim: replication {replication} runs again from the start ({why})."),
        };
        var where = connection.Watch is null ? connection.Description : $"{connection.Description}, {connection.Silos} silo{(connection.Silos == 1 ? "" : "s")}";
        return new EngineHost(engine, connection, "Orleans, " + where);
    }

    /// <summary>
    /// True when the process ends as soon as the command returns (<see cref="EndSilosWithProcess"/>,
    /// called by <see cref="Program.Main"/>); false where commands run inside a longer-lived process
    /// (the tests). An embedded silo is then left to end with the process instead of being stopped:
    /// once the engine has its results the silo holds nothing durable and nothing anyone reads (its
    /// groups handed their records over and let their agents go after each replication), and its
    /// host's lifetime is the command's own, so nothing waits for it at exit. Its stop was code run
    /// once, JIT-compiled on the cores the writing of the results needs: about 0.1 s of a short run's
    /// CPU (BENCHMARKS.md, thirteenth round). A cluster's client is disposed as before.
    /// </summary>
    public static bool ProcessEndsWithCommand { get; private set; }

    /// <summary>Says that the process ends when the command returns (see <see cref="ProcessEndsWithCommand"/>); for <see cref="Program.Main"/> only.</summary>
    public static void EndSilosWithProcess() => ProcessEndsWithCommand = true;

    /// <summary>An embedded silo in a process that ends with the command: never stopped (<see cref="ProcessEndsWithCommand"/>).</summary>
    private bool EndsWithProcess => _connection is { Embedded: true } && ProcessEndsWithCommand;

    /// <summary>
    /// Starts stopping an embedded silo once the simulation is over, so that its stop (most of it
    /// code run once) overlaps the writing of the results instead of following it. The engine's
    /// results are its own by then (the silo handed its groups' records over), so the silo has
    /// nothing left that anyone reads; <see cref="DisposeAsync"/> awaits the stop. Nothing for the
    /// in-process engine or a cluster, whose client stops when disposed as before, nor when the silo
    /// ends with the process.
    /// </summary>
    public void StopEmbeddedSilo()
    {
        if (_connection is { Embedded: true } && _stopping is null && !EndsWithProcess)
        {
            _stopping = Task.Run(async () => await _connection.DisposeAsync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (EndsWithProcess)
        {
            return;
        }

        if (_stopping is not null)
        {
            await _stopping;
        }
        else if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
