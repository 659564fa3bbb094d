using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace IsdnSim.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Everything a silo needs to host IsdnSim grains; used by the Runner, the standalone silo and the tests.</summary>
    public static ISiloBuilder AddIsdnSim(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ModelCache>();
        silo.Configure<SiloMessagingOptions>(o =>
        {
            // Calls are bounded by events per call and wall time per slice; this is a safety net for a loaded machine.
            o.ResponseTimeout = TimeSpan.FromMinutes(2);
            o.MaxMessageBodySize = 256 * 1024 * 1024;
        });
        return silo;
    }
}
