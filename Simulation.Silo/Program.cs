using System.Net;
using IsdnSim.Grains.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace IsdnSim.Silo;

/// <summary>
/// A standalone silo for running IsdnSim on several processes or machines. Silos find each
/// other through Redis; `isdnsim run --cluster REDIS` connects to them. Binds to loopback
/// unless --address says otherwise.
/// </summary>
public static class Program
{
    private const string Usage = """
        isdnsim-silo: host IsdnSim grains in a cluster found through Redis.

        Usage: isdnsim-silo --redis HOST:PORT [--address IP] [--silo-port N] [--gateway-port N] [--dashboard-port N]

          --redis           Redis used for cluster membership (required), e.g. localhost:6379
          --address         IP address to bind and advertise (default 127.0.0.1: this machine only)
          --silo-port       silo-to-silo port (default 11111)
          --gateway-port    client gateway port (default 30000)
          --dashboard-port  Orleans dashboard on http://ADDRESS:PORT/ (default 8080; 0 turns it off)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (!Options.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"isdnsim-silo: error: {error}\n\n{Usage}");
            return 2;
        }

        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
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
        if (options.DashboardPort > 0)
        {
            builder.WebHost.UseUrls($"http://{options.Address}:{options.DashboardPort}");
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        var app = builder.Build();
        if (options.DashboardPort > 0)
        {
            app.MapOrleansDashboard();
        }

        Console.WriteLine($"isdnsim-silo: silo {options.Address}:{options.SiloPort}, gateway {options.GatewayPort}, membership in Redis {options.Redis}" +
                          (options.DashboardPort > 0 ? $", dashboard http://{options.Address}:{options.DashboardPort}/" : ""));
        await app.RunAsync();
        return 0;
    }

    private sealed record Options(string Redis, IPAddress Address, int SiloPort, int GatewayPort, int DashboardPort)
    {
        public static bool TryParse(string[] args, out Options options, out string error)
        {
            options = new Options("", IPAddress.Loopback, 11111, 30000, 8080);
            error = "";
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name is "-h" or "--help")
                {
                    error = "help requested";
                    return false;
                }

                if (i + 1 >= args.Length)
                {
                    error = $"{name} needs a value";
                    return false;
                }

                var value = args[++i];
                switch (name)
                {
                    case "--redis":
                        options = options with { Redis = value };
                        break;
                    case "--address" when IPAddress.TryParse(value, out var ip):
                        options = options with { Address = ip };
                        break;
                    case "--silo-port" when int.TryParse(value, out var p) && p is > 0 and < 65536:
                        options = options with { SiloPort = p };
                        break;
                    case "--gateway-port" when int.TryParse(value, out var p) && p is > 0 and < 65536:
                        options = options with { GatewayPort = p };
                        break;
                    case "--dashboard-port" when int.TryParse(value, out var p) && p is >= 0 and < 65536:
                        options = options with { DashboardPort = p };
                        break;
                    default:
                        error = $"unknown option or bad value: {name} {value}";
                        return false;
                }
            }

            if (options.Redis.Length == 0)
            {
                error = "--redis is required";
                return false;
            }

            return true;
        }
    }
}
