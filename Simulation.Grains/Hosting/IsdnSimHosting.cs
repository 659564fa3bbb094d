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
        return silo;
    }
}
