using System.Net;
using System.Net.Sockets;
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

    private readonly IHost _host;

    private OrleansConnection(IHost host, string description)
    {
        _host = host;
        Description = description;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        LocalSilo = host.Services.GetService<ModelCache>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>The embedded silo's model cache, or null for a remote cluster.</summary>
    public ModelCache? LocalSilo { get; }

    public string Description { get; }

    /// <summary>
    /// Starts a silo in this process, bound to loopback on free ports so several runs can share a
    /// machine. With <paramref name="activityPropagation"/>, grain calls carry the caller's
    /// activity, so Orleans' spans of one call chain form one trace.
    /// </summary>
    public static async Task<OrleansConnection> StartEmbeddedAsync(CancellationToken cancellationToken, bool activityPropagation = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        QuietLogging(builder.Logging);
        var siloPort = FreeLoopbackPort();
        var gatewayPort = FreeLoopbackPort();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort)
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = ClusterId + "-embedded";
                    o.ServiceId = ServiceId;
                })
                .AddIsdnSim();
            if (activityPropagation)
            {
                silo.AddActivityPropagation();
            }
        });
        var host = builder.Build();
        await StartOrStopAsync(host, cancellationToken);
        return new OrleansConnection(host, "embedded silo");
    }

    /// <summary>
    /// Connects as a client to silos started with isdnsim-silo and registered in Redis. With
    /// <paramref name="activityPropagation"/>, grain calls carry the caller's activity (silos
    /// continue its trace only if they propagate activities themselves).
    /// </summary>
    public static async Task<OrleansConnection> ConnectAsync(string redis, CancellationToken cancellationToken, bool activityPropagation = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        QuietLogging(builder.Logging);
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
        await StartOrStopAsync(host, cancellationToken);
        return new OrleansConnection(host, "cluster via Redis");
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
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await host.StopAsync(grace.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
            {
                // Half started: whatever did not stop in time ends with the process.
            }

            host.Dispose();
            throw;
        }
    }

    /// <summary>Silos currently active in the cluster, as recorded in manifests.</summary>
    public async Task<int> CountSilosAsync() =>
        (await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Shutting down an embedded silo is best effort; the process ends next.
        }

        _host.Dispose();
    }

    private static void QuietLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.SetMinimumLevel(LogLevel.Error);
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
