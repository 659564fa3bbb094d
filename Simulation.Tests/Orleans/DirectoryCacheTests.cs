using IsdnSim.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.GrainDirectory;

namespace IsdnSim.Tests.Orleans;

/// <summary>
/// A silo set up with AddIsdnSim makes its grain directory cache for a few thousand grains, not
/// Orleans' default million: the cache's dictionary is sized when the silo makes it, and the
/// default's is several MiB, a large object whose allocation set off a full collection in every
/// silo's start (BENCHMARKS.md, thirteenth round). The caches are made as the silo makes its own,
/// from the host's options through Orleans' factory, and what that allocates is counted.
/// </summary>
public sealed class DirectoryCacheTests
{
    [Fact]
    public async Task AnIsdnSimSilo_MakesItsDirectoryCacheForAFewThousandGrains_InUnderAMebibyte()
    {
        var (size, allocated) = await DirectoryCache(silo => silo.AddIsdnSim());

        size.Should().Be(IsdnSimHosting.DirectoryCacheSize);
        allocated.Should().BeLessThan(1 << 20);
    }

    [Fact]
    public async Task OrleansDefault_MakesItsCacheForAMillionGrains_InSeveralMebibytes()
    {
        var (size, allocated) = await DirectoryCache(_ => { });

        size.Should().Be(GrainDirectoryOptions.DEFAULT_CACHE_SIZE);
        allocated.Should().BeGreaterThan(8 << 20, "the setting above is what avoids this");
    }

    /// <summary>The cache size a silo built with <paramref name="configure"/> is given, and the bytes making its cache allocates.</summary>
    private static async Task<(int Size, long Allocated)> DirectoryCache(Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            configure(silo);
        });
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cache = GrainDirectoryCacheFactory.CreateGrainDirectoryCache(host.Services, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (cache is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        return (options.CacheSize, allocated);
    }
}
