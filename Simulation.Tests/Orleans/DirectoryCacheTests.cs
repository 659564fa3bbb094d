using IsdnSim.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.GrainDirectory;

namespace IsdnSim.Tests.Orleans;

/// <summary>
/// A silo set up with AddIsdnSim makes its grain directory caches (the local directory's and the
/// grain locator's) for a few thousand grains, not Orleans' default million: a cache's dictionary is
/// sized when the silo makes it, and the default's is about 9 MiB, a large object whose allocation
/// set off a full collection in the silo's start (BENCHMARKS.md, thirteenth round). A cache is made
/// here as the silo makes its own, from the host's options through Orleans' public factory, and what
/// making it allocates on this thread is counted (after a first cache, so that the services it
/// resolves once are not counted).
/// </summary>
public sealed class DirectoryCacheTests
{
    /// <summary>Objects from this size on go to the large-object heap (the runtime's default threshold).</summary>
    private const int LargeObject = 85_000;

    [Fact]
    public async Task AnIsdnSimSilo_MakesItsDirectoryCacheForAFewThousandGrains_WithoutALargeObject()
    {
        var (size, allocated) = await DirectoryCache(silo => silo.AddIsdnSim());

        size.Should().Be(IsdnSimHosting.DirectoryCacheSize);
        allocated.Should().BeLessThan(LargeObject, "less in all than the large-object threshold, so no object of it is a large one");
    }

    /// <summary>A canary on Orleans' internals: it fails if Orleans stops sizing the cache up front, and the setting can go.</summary>
    [Fact]
    public async Task OrleansDefault_MakesItsCacheForAMillionGrains_InSeveralMebibytes()
    {
        var (size, allocated) = await DirectoryCache(_ => { });

        size.Should().Be(GrainDirectoryOptions.DEFAULT_CACHE_SIZE);
        allocated.Should().BeGreaterThan(8 << 20);
    }

    /// <summary>The cache size a silo built with <paramref name="configure"/> is given, and the bytes making one cache allocates.</summary>
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
        await Dispose(GrainDirectoryCacheFactory.CreateGrainDirectoryCache(host.Services, options));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var cache = GrainDirectoryCacheFactory.CreateGrainDirectoryCache(host.Services, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        await Dispose(cache);
        return (options.CacheSize, allocated);
    }

    /// <summary>Stops the cache's expiry timer and its size instrument.</summary>
    private static async Task Dispose(IGrainDirectoryCache cache)
    {
        if (cache is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
