using System.Net;
using System.Net.Sockets;
using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace IsdnSim.Runner.Hosting;

/// <summary>
/// Where grains run: an embedded single silo on loopback (the default, nothing to set up), or
/// an existing cluster of standalone silos found through Redis.
/// </summary>
public sealed class OrleansConnection : IAsyncDisposable
{
    public const string ClusterId = "isdnsim";
    public const string ServiceId = "isdnsim";

    /// <summary>How long a cluster client waits for a silo to answer before it gives up (docs/operations.md).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly IHost _host;
    private readonly bool _embedded;

    private OrleansConnection(IHost host, string description, ClusterWatch? watch, bool embedded)
    {
        _host = host;
        _embedded = embedded;
        Description = description;
        Watch = watch;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        LocalSilo = host.Services.GetService<LocalSilo>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>What the embedded silo shares with the engine in this process (its models, its groups' records), or null for a remote cluster.</summary>
    public LocalSilo? LocalSilo { get; }

    public string Description { get; }

    /// <summary>For a cluster: which silos are active, so replications on a silo that leaves run again elsewhere; null for the embedded silo.</summary>
    public ClusterWatch? Watch { get; }

    /// <summary>True for the silo in this process, false for a connection to a cluster.</summary>
    public bool Embedded => _embedded;

    /// <summary>Silos when the connection was made (the embedded silo: 1): recorded before any simulation, so a membership store lost later cannot take it away.</summary>
    public int Silos => Watch?.SilosAtStart ?? 1;

    /// <summary>
    /// Starts a silo in this process, bound to loopback on a free port so several runs can share a
    /// machine, and without a gateway (port 0): its only client is the engine beside it, whose
    /// calls go straight to the silo, so listening for clients elsewhere was start-up work for nothing. With <paramref name="activityPropagation"/>, grain calls carry the caller's
    /// activity, so Orleans' spans of one call chain form one trace.
    /// </summary>
    public static async Task<OrleansConnection> StartEmbeddedAsync(CancellationToken cancellationToken, bool activityPropagation = false)
    {
        var builder = CreateBuilder();
        var siloPort = FreeLoopbackPort();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort: 0)
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId + "-embedded";
                    o.ServiceId = ServiceId;
                })
                .AddIsdnSim()
                .Configure<AgentGroupOptions>(o => o.CoresToSplit = AgentGroups.EmbeddedCoresToSplit);
            if (activityPropagation)
            {
                silo.AddActivityPropagation();
            }
        });
        var host = builder.Build();
        PhaseTimings.Mark("silo host built");
        await StartOrStopAsync(host, cancellationToken);
        PhaseTimings.Mark("silo started");
        return new OrleansConnection(host, "embedded silo", null, embedded: true);
    }

    /// <summary>
    /// Connects as a client to silos started with isdnsim-silo and registered in Redis. With
    /// <paramref name="activityPropagation"/>, grain calls carry the caller's activity (silos
    /// continue its trace only if they propagate activities themselves).
    /// </summary>
    /// <exception cref="ClusterUnavailableException">Neither Redis nor a silo answered within <paramref name="timeout"/> (default <see cref="ConnectTimeout"/>).</exception>
    public static async Task<OrleansConnection> ConnectAsync(string redis, CancellationToken cancellationToken, bool activityPropagation = false, TimeSpan? timeout = null)
    {
        var builder = CreateBuilder();

        // Connection failures and lost silos are reported by the command in its own words; Orleans' own log would repeat them as stack traces.
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.UseOrleansClient(client =>
        {
            client.UseRedisClustering(redis)
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId;
                    o.ServiceId = ServiceId;
                })
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = IsdnSimHosting.ResponseTimeout);
            if (activityPropagation)
            {
                client.AddActivityPropagation();
            }
        });
        var host = builder.Build();
        var limit = timeout ?? ConnectTimeout;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await StartOrStopAsync(host, deadline.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(redis, clock.Elapsed, e);
        }

        try
        {
            var watch = await ClusterWatch.StartAsync(host.Services.GetRequiredService<IGrainFactory>(), deadline.Token);
            if (watch.SilosAtStart == 0)
            {
                await watch.DisposeAsync();
                throw new ClusterUnavailableException($"the cluster in Redis {RedisAddress.Display(redis)} has no active silo");
            }

            return new OrleansConnection(host, "cluster via Redis", watch, embedded: false);
        }
        catch (Exception e)
        {
            // Connected but no cluster to watch, or interrupted meanwhile: the client stops either way.
            await StopQuietlyAsync(host);
            if (e is ClusterUnavailableException || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw Unavailable(redis, clock.Elapsed, e);
        }
    }

    private static ClusterUnavailableException Unavailable(string redis, TimeSpan waited, Exception e) => new(
        $"no silo of the cluster in Redis {RedisAddress.Display(redis)} answered (gave up after {waited.TotalSeconds:0} s: {Reason(e)}); " +
        $"is Redis running there, and are silos started with 'isdnsim-silo --redis {RedisAddress.Display(redis)}'? See docs/operations.md", e);

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException or TimeoutException => "timed out",
        _ => (e.InnerException ?? e).Message.Split('\n')[0].TrimEnd('.'),
    };

    private static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        QuietLogging(builder.Logging);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        return builder;
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await host.StopAsync(grace.Token);
        }
        catch (Exception)
        {
            // Half started or half connected: whatever did not stop in time ends with the process.
        }

        host.Dispose();
    }

    /// <summary>Starts the host; if that is interrupted (Ctrl+C) or fails, stops what did start before passing the exception on.</summary>
    private static async Task StartOrStopAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await StopQuietlyAsync(host);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Watch is not null)
        {
            await Watch.DisposeAsync();
        }

        // Short: on Ctrl+C or SIGTERM the whole command must end within seconds. The embedded silo
        // stops at once (a cancelled token: Orleans skips the graceful deactivation of its grains):
        // it keeps nothing anyone needs once the command has written what it computed, the command
        // disposes it only after that, and a graceful stop took 50-100 ms of a short run's 1.5 s.
        PhaseTimings.Mark("stopping the host");
        using var timeout = new CancellationTokenSource(_embedded ? TimeSpan.Zero : TimeSpan.FromSeconds(3));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down an embedded silo is best effort; the process ends next.
        }

        _host.Dispose();
        PhaseTimings.Mark("host stopped");
    }

    private static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        // What fails is reported by the command in its own words; the embedded silo's errors while a
        // command stops (releases racing the shutdown) would only be noise with stack traces.
        logging.SetMinimumLevel(LogLevel.Critical);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
