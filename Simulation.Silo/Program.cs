using System.Runtime.InteropServices;
using IsdnSim.Grains.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace IsdnSim.Silo;

/// <summary>
/// A standalone silo for running IsdnSim on several processes or machines. Silos find each
/// other through Redis; `isdnsim run --cluster REDIS` connects to them. Binds to loopback
/// unless --address says otherwise.
/// <para>
/// The process supervises its silo: if Redis is not there at start, it waits for it; if the
/// silo's entry in the membership table is lost (Redis restarted or flushed) or the silo stops
/// by itself, it starts a new silo, which joins the cluster afresh. SIGTERM and SIGINT stop it
/// within <see cref="StopTimeout"/> whatever Redis does.
/// </para>
/// </summary>
public static class Program
{
    /// <summary>How long leaving the cluster may take before the process ends anyway (Redis may be gone).</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How often the silo checks that its membership entry is still there.</summary>
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    public static async Task<int> Main(string[] args)
    {
        if (!SiloOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"isdnsim-silo: error: {error}\n\n{SiloOptions.Usage}");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        for (var generation = 1; !stop.IsCancellationRequested; generation++)
        {
            var reason = await RunSiloAsync(options, stop.Token);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            Console.WriteLine($"isdnsim-silo: {reason}; starting a new silo in {CheckInterval.TotalSeconds:0} s.");
            try
            {
                await Task.Delay(CheckInterval, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Console.WriteLine("isdnsim-silo: stopped.");
        return 0;
    }

    /// <summary>Runs one silo until the process is asked to stop or the silo is no longer a member; returns why it ended.</summary>
    private static async Task<string> RunSiloAsync(SiloOptions options, CancellationToken stop)
    {
        var app = Build(options);
        try
        {
            await app.StartAsync(stop);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            await StopAsync(app);
            return $"could not join the cluster ({FirstLine(e)}); is Redis running at {RedisAddress.Display(options.Redis)}?";
        }
        catch (OperationCanceledException)
        {
            await StopAsync(app);
            return "stopped while starting";
        }

        var local = app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Console.WriteLine($"isdnsim-silo: silo {local} (gateway {options.GatewayPort}) joined the cluster in Redis {RedisAddress.Display(options.Redis)}" +
                          (options.DashboardPort > 0 ? $"; dashboard http://{options.Address}:{options.DashboardPort}/" : ""));
        var reason = await WatchMembershipAsync(app, local, stop);
        await StopAsync(app);
        return reason;
    }

    /// <summary>Waits until <paramref name="stop"/>, the host stops by itself, or the silo's membership entry is gone or marked dead.</summary>
    private static async Task<string> WatchMembershipAsync(WebApplication app, SiloAddress local, CancellationToken stop)
    {
        var table = app.Services.GetRequiredService<IMembershipTable>();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var fatal = app.Services.GetRequiredService<RestartOnFatalError>();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, stopping, fatal.Fatal);
        using var timer = new PeriodicTimer(CheckInterval);
        string? unreachable = null;
        try
        {
            while (await timer.WaitForNextTickAsync(either.Token))
            {
                MembershipTableData row;
                try
                {
                    row = await table.ReadRowAsync(local, either.Token).WaitAsync(CheckInterval, either.Token);
                }
                catch (Exception e) when (e is not (OperationCanceledException or TimeoutException or StackExchange.Redis.RedisConnectionException))
                {
                    // Redis answers, but not with this silo's table: it was restarted empty or flushed.
                    return $"the membership table is gone ({FirstLine(e)})";
                }
                catch (Exception e) when (e is not OperationCanceledException || !either.IsCancellationRequested)
                {
                    var why = FirstLine(e);
                    if (why != unreachable)
                    {
                        Console.WriteLine($"isdnsim-silo: cannot read the membership table ({why}); waiting for Redis.");
                        unreachable = why;
                    }

                    continue;
                }

                unreachable = null;
                var entry = row.Members.Select(m => m.Item1).FirstOrDefault(m => m.SiloAddress.Equals(local));
                if (entry is null)
                {
                    return "this silo's membership entry is gone (Redis was restarted or flushed)";
                }

                if (entry.Status == SiloStatus.Dead)
                {
                    return "the cluster declared this silo dead";
                }
            }
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
        }

        return stop.IsCancellationRequested ? "asked to stop"
            : fatal.Fatal.IsCancellationRequested ? $"the silo ended: {fatal.Reason}"
            : "the silo stopped";
    }

    /// <summary>Leaves the cluster, or gives up after <see cref="StopTimeout"/> (with Redis gone, leaving cannot be recorded).</summary>
    private static async Task StopAsync(WebApplication app)
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        var stopping = Task.Run(async () =>
        {
            try
            {
                await app.StopAsync(timeout.Token);
            }
            catch (Exception)
            {
                // Leaving could not be recorded; the others will declare this silo dead.
            }

            await app.DisposeAsync();
        });
        await Task.WhenAny(stopping, Task.Delay(StopTimeout + TimeSpan.FromSeconds(1)));
    }

    private static WebApplication Build(SiloOptions options)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Redis outages are reported by the supervisor in one line each, not as a stack trace every second.
        builder.Logging.AddFilter("Orleans.Runtime.MembershipService", LogLevel.Critical);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Logging.AddFilter("Orleans.Runtime.FatalErrorHandler", LogLevel.None);
        builder.Logging.AddFilter("Orleans.Runtime.SiloLifecycleSubject", LogLevel.Critical);
        builder.Services.AddSingleton<IHostLifetime, SupervisedLifetime>();
        builder.Services.AddSingleton<RestartOnFatalError>();
        builder.Services.AddSingleton<IFatalErrorHandler>(sp => sp.GetRequiredService<RestartOnFatalError>());
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(options.Redis)
                .Configure<ClusterOptions>(o =>
                {
                    // Must match the Runner's client (IsdnSim.Runner.Hosting.OrleansConnection).
                    o.ClusterId = "isdnsim";
                    o.ServiceId = "isdnsim";
                })
                .ConfigureEndpoints(options.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false)
                .AddIsdnSim();
            if (options.DashboardPort > 0)
            {
                silo.AddDashboard();
            }
        });
        builder.WebHost.UseUrls(options.DashboardPort > 0 ? $"http://{options.Address}:{options.DashboardPort}" : "http://127.0.0.1:0");
        var app = builder.Build();
        if (options.DashboardPort > 0)
        {
            app.MapOrleansDashboard();
        }

        return app;
    }

    private static string FirstLine(Exception e) => (e.InnerException ?? e).Message.Split('\n')[0].TrimEnd('.', '\r');

    /// <summary>Signals belong to the supervisor (<see cref="Main"/>), which stops the silo itself.</summary>
    private sealed class SupervisedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
