using System.Net;

namespace IsdnSim.Silo;

/// <summary>The standalone silo's command line.</summary>
internal sealed record SiloOptions(string Redis, IPAddress Address, int SiloPort, int GatewayPort, int DashboardPort)
{
    public const string Usage = """
        isdnsim-silo: host IsdnSim grains in a cluster found through Redis.

        Usage: isdnsim-silo --redis HOST:PORT [--address IP] [--silo-port N] [--gateway-port N] [--dashboard-port N]

          --redis           Redis used for cluster membership (required), e.g. localhost:6379
          --address         IP address to bind and advertise (default 127.0.0.1: this machine only)
          --silo-port       silo-to-silo port (default 11111)
          --gateway-port    client gateway port (default 30000)
          --dashboard-port  Orleans dashboard on http://ADDRESS:PORT/ (default: off). It has no
                            authentication: give it only on a trusted network (docs/operations.md)

        Silo and gateway ports carry unauthenticated grain calls: keep them on a trusted network.
        SIGTERM or Ctrl+C leaves the cluster and exits within a few seconds.
        """;

    public static bool TryParse(string[] args, out SiloOptions options, out string error)
    {
        options = new SiloOptions("", IPAddress.Loopback, 11111, 30000, 0);
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
