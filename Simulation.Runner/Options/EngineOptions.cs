using System.ComponentModel;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>Options of every command that simulates: which engine, and where it runs.</summary>
public class EngineOptions : CommandSettings
{
    [CommandOption("-e|--engine <ENGINE>")]
    [Description("orleans (default: an embedded silo, or the cluster given by --cluster) or inprocess (in this process, the reference; a replication running alone spreads a large window's agents over the cores).")]
    [DefaultValue("orleans")]
    public string Engine { get; init; } = "orleans";

    [CommandOption("--cluster <REDIS>")]
    [Description("Run on a cluster of isdnsim-silo processes registered in this Redis instead of an embedded silo, e.g. localhost:6379.")]
    public string? Cluster { get; init; }

    public override ValidationResult Validate()
    {
        if (Engine is not ("orleans" or "inprocess"))
        {
            return ValidationResult.Error($"--engine must be 'orleans' or 'inprocess', found '{Engine}'{DidYouMean.Hint(Engine, ["orleans", "inprocess"])}");
        }

        if (Cluster is not null && Engine != "orleans")
        {
            return ValidationResult.Error("--cluster needs --engine orleans");
        }

        if (Cluster is not null && ClusterProblem(Cluster) is { } problem)
        {
            return ValidationResult.Error($"--cluster: {problem}");
        }

        return ValidationResult.Success();
    }

    /// <summary>Why <paramref name="redis"/> is not a Redis address (HOST:PORT, or a StackExchange.Redis configuration such as "host:6379,password=..."), or null.</summary>
    public static string? ClusterProblem(string redis)
    {
        const string expected = "expected the Redis that holds the cluster's membership as HOST:PORT, e.g. localhost:6379";
        StackExchange.Redis.ConfigurationOptions options;
        try
        {
            options = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException)
        {
            return $"{expected}, found '{IsdnSim.Grains.Hosting.RedisAddress.Display(redis)}'";
        }

        if (options.EndPoints.Count == 0)
        {
            return $"{expected}, found '{IsdnSim.Grains.Hosting.RedisAddress.Display(redis)}' (no host in it)";
        }

        foreach (var endpoint in options.EndPoints)
        {
            var (host, port) = endpoint switch
            {
                System.Net.DnsEndPoint d => (d.Host, d.Port),
                System.Net.IPEndPoint ip => (ip.Address.ToString(), ip.Port),
                _ => ("", -1),
            };
            if (host.Length == 0 || port is < 0 or > 65535 || System.Uri.CheckHostName(host) == System.UriHostNameType.Unknown)
            {
                return $"{expected}, found '{IsdnSim.Grains.Hosting.RedisAddress.Display(redis)}'";
            }
        }

        return null;
    }
}
