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

    /// <summary>How long a silo that is being replaced may take to leave the cluster gracefully.</summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long membership reads may fail while Redis answers a fresh connection before the silo is started anew.</summary>
    private static readonly TimeSpan StaleReads = TimeSpan.FromSeconds(10);

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

        // Once asked to stop, the process ends within StopTimeout and a second, whatever Redis or the silo do.
        stop.Token.Register(() => new Thread(() =>
        {
            Thread.Sleep(StopTimeout + TimeSpan.FromSeconds(1));
            Console.WriteLine("isdnsim-silo: stopped (without leaving the cluster in time; the others declare this silo dead).");
            Environment.Exit(0);
        })
        { IsBackground = true }.Start());

        while (!stop.IsCancellationRequested)
        {
            if (!await WaitForRedisAsync(options, stop.Token))
            {
                break;
            }

            var reason = await RunSiloAsync(options, stop.Token);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            Console.WriteLine($"isdnsim-silo: starting a new silo ({reason}).");
        }

        Console.WriteLine("isdnsim-silo: stopped.");
        return 0;
    }

    /// <summary>
    /// Waits until Redis answers a ping, so that no silo is built while it cannot start (a silo
    /// that fails to start may leave its ports listening); false if asked to stop meanwhile.
    /// </summary>
    private static async Task<bool> WaitForRedisAsync(SiloOptions options, CancellationToken stop)
    {
        var reported = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await PingRedisAsync(options, stop);
                return true;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception e)
            {
                if (!reported)
                {
                    Console.WriteLine($"isdnsim-silo: Redis at {RedisAddress.Display(options.Redis)} does not answer ({FirstLine(e)}); waiting for it.");
                    reported = true;
                }
            }

            try
            {
                await Task.Delay(CheckInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    private static async Task<bool> AnswersAsync(SiloOptions options, CancellationToken stop)
    {
        try
        {
            await PingRedisAsync(options, stop);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Connects to Redis afresh and pings it; throws if it does not answer within <see cref="CheckInterval"/>.</summary>
    private static async Task PingRedisAsync(SiloOptions options, CancellationToken stop)
    {
        var configuration = StackExchange.Redis.ConfigurationOptions.Parse(options.Redis);
        configuration.ConnectTimeout = (int)CheckInterval.TotalMilliseconds;
        configuration.AbortOnConnectFail = true;
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(stop);
        await redis.GetDatabase().PingAsync().WaitAsync(CheckInterval, stop);
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
            await StopAsync(app, stop);
            return $"could not join the cluster ({FirstLine(e)})";
        }
        catch (OperationCanceledException)
        {
            await StopAsync(app, stop);
            return "stopped while starting";
        }

        var local = app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Console.WriteLine($"isdnsim-silo: silo {local} (gateway {options.GatewayPort}) joined the cluster in Redis {RedisAddress.Display(options.Redis)}" +
                          (options.DashboardPort > 0 ? $"; dashboard http://{options.Address}:{options.DashboardPort}/" : ""));
        var reason = await WatchMembershipAsync(app, local, options, stop);
        if (!stop.IsCancellationRequested)
        {
            Console.WriteLine($"isdnsim-silo: {reason}; stopping this silo to start a new one.");
        }

        await StopAsync(app, stop);
        return reason;
    }

    /// <summary>Waits until <paramref name="stop"/>, the host stops by itself, or the silo's membership entry is gone or marked dead.</summary>
    private static async Task<string> WatchMembershipAsync(IHost app, SiloAddress local, SiloOptions options, CancellationToken stop)
    {
        var table = app.Services.GetRequiredService<IMembershipTable>();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var fatal = app.Services.GetRequiredService<RestartOnFatalError>();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, stopping, fatal.Fatal);
        using var timer = new PeriodicTimer(CheckInterval);
        string? unreachable = null;
        var failingSince = DateTime.MaxValue;
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
                    // Reads that keep failing while a fresh connection gets an answer: this silo's
                    // connection has not caught up with a Redis that came back; a new silo starts clean.
                    failingSince = failingSince == DateTime.MaxValue ? DateTime.UtcNow : failingSince;
                    if (DateTime.UtcNow - failingSince > StaleReads && await AnswersAsync(options, either.Token))
                    {
                        return "Redis answers again, but this silo's membership reads keep failing";
                    }

                    var why = FirstLine(e);
                    if (why != unreachable)
                    {
                        Console.WriteLine($"isdnsim-silo: cannot read the membership table ({why}); waiting for Redis.");
                        unreachable = why;
                    }

                    continue;
                }

                unreachable = null;
                failingSince = DateTime.MaxValue;
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

    /// <summary>
    /// Leaves the cluster and releases the silo's ports, before the next silo of this process binds
    /// them. Leaving is graceful for at most <see cref="LeaveTimeout"/>, then Orleans is told to stop
    /// without it. With the membership table broken, Orleans' stop can still take minutes; if it has
    /// not finished <see cref="LeaveTimeout"/> later, the process starts a fresh copy of itself and
    /// ends, which frees the ports at once (the silo then runs under a new process id). Once the
    /// process is asked to stop, the deadline in <see cref="Main"/> ends it regardless.
    /// </summary>
    private static async Task StopAsync(IHost app, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(stop.IsCancellationRequested ? TimeSpan.Zero : LeaveTimeout);
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

            if (app is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                app.Dispose();
            }
        });
        if (await Task.WhenAny(stopping, Task.Delay(2 * LeaveTimeout)) == stopping || stop.IsCancellationRequested)
        {
            return;
        }

        RestartProcess();
    }

    /// <summary>Starts this program again with the same arguments (sharing this process's standard output and error), and ends this process.</summary>
    private static void RestartProcess()
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        var args = Environment.GetCommandLineArgs();
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            // Run as 'dotnet isdnsim-silo.dll ...': the first argument is the program's dll.
            start.ArgumentList.Add(args[0]);
        }

        foreach (var arg in args.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        using var next = System.Diagnostics.Process.Start(start);
        Console.WriteLine($"isdnsim-silo: the old silo did not let go of its ports in time; continuing as process {next?.Id}.");
        Environment.Exit(0);
    }

    /// <summary>A silo host; a web host only when the dashboard is asked for, so otherwise nothing listens but the silo and gateway ports.</summary>
    private static IHost Build(SiloOptions options)
    {
        if (options.DashboardPort == 0)
        {
            var plain = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            plain.Logging.AddSimpleConsole(o => o.SingleLine = true);
            Configure(plain.Services, plain.Logging, options);
            return plain.Build();
        }

        var web = WebApplication.CreateBuilder();
        Configure(web.Services, web.Logging, options);
        web.WebHost.UseUrls($"http://{options.Address}:{options.DashboardPort}");
        var app = web.Build();
        app.MapOrleansDashboard();
        return app;
    }

    private static void Configure(IServiceCollection services, ILoggingBuilder logging, SiloOptions options)
    {
        logging.SetMinimumLevel(LogLevel.Warning);

        // Membership trouble is reported by the supervisor in one line each, not as stack traces every few seconds.
        logging.AddFilter("Orleans.Runtime.MembershipService", LogLevel.Critical);
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        logging.AddFilter("Orleans.Runtime.FatalErrorHandler", LogLevel.None);
        logging.AddFilter("Orleans.Runtime.SiloLifecycleSubject", LogLevel.Critical);
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Critical);
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical);
        services.AddSingleton<IHostLifetime, SupervisedLifetime>();
        services.AddSingleton<RestartOnFatalError>();
        services.AddSingleton<IFatalErrorHandler>(sp => sp.GetRequiredService<RestartOnFatalError>());
        services.AddOrleans(silo =>
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
    }

    private static string FirstLine(Exception e) => (e.InnerException ?? e).Message.Split('\n')[0].TrimEnd('.', '\r');

    /// <summary>Signals belong to the supervisor (<see cref="Main"/>), which stops the silo itself.</summary>
    private sealed class SupervisedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
