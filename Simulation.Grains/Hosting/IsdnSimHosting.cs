using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace IsdnSim.Grains.Hosting;

public static class IsdnSimHosting
{
    /// <summary>
    /// Calls are bounded by events per window and wall time per slice and take well under a
    /// second; this is a safety net for a loaded machine, used by silos and cluster clients alike.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Grains whose address a silo keeps in each of its grain directory caches (Orleans' default is
    /// 1,000,000). At 8,192 a cache's dictionary has 8,419 buckets, about 67 KB: under the runtime's
    /// large-object threshold of 85,000 bytes (16,384 would be over it).
    /// </summary>
    public const int DirectoryCacheSize = 8192;

    /// <summary>Everything a silo needs to host IsdnSim grains; used by the Runner, the standalone silo and the tests.</summary>
    public static ISiloBuilder AddIsdnSim(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ModelCache>();
        silo.Services.AddSingleton<RecordHandover>();
        silo.Services.AddSingleton<LocalSilo>();
        silo.Services.AddOptions<AgentGroupOptions>();
        silo.AddPlacementDirector<ReplicationPlacement, ReplicationPlacementDirector>();
        silo.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = ResponseTimeout;
            o.MaxMessageBodySize = 256 * 1024 * 1024;
        });

        // A replication lost with its silo runs again elsewhere as soon as membership declares the
        // silo dead: three missed probes of 2 s (instead of 5 s) notice a killed silo in seconds.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
        });

        // Orleans sizes its two grain directory caches (the local directory's and the grain
        // locator's) for a million grains up front: dictionaries of about 9 MiB each allocated at the
        // silo's start, large objects whose allocation set off a full collection in the middle of the
        // start in the runs traced. A replication addresses its coordinator and its groups (at most
        // four per core of the silo), so a few thousand entries hold every grain of many replications
        // at once; an entry evicted is only looked up again in the directory (BENCHMARKS.md,
        // thirteenth round).
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
        return silo;
    }
}
