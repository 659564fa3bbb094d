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

    /// <summary>Grains whose address a silo keeps in its grain directory cache (Orleans' default is 1,000,000).</summary>
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

        // Orleans sizes its grain directory cache for a million grains up front: a dictionary of
        // several MiB allocated at the silo's start, whose large-object allocation set off a full
        // collection in the middle of every start. A replication addresses its coordinator and its
        // groups (Germany: about 50), so a few thousand entries hold every grain of many replications
        // at once; one evicted is only looked up again (BENCHMARKS.md, thirteenth round).
        silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = DirectoryCacheSize);
        return silo;
    }
}
