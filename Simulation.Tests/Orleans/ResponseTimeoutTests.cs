using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using IsdnSim.Tests.Support;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace IsdnSim.Tests.Orleans;

/// <summary>
/// A cluster whose response timeout is far shorter than the run: the run only completes
/// because agent calls are sliced by event count and coordinator calls by wall time. These
/// tests measure wall time against a tight timeout, so they run alone, each on its own cluster.
/// </summary>
[Collection(Name)]
public abstract class ResponseTimeoutTests : IAsyncLifetime
{
    public const string Name = "Response timeout (runs alone)";

    /// <summary>
    /// Far shorter than the run (several seconds), far longer than a sliced call (milliseconds),
    /// and long enough that a busy CI machine (compiler servers still running after the build)
    /// does not stall a sliced call past it.
    /// </summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    protected InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddIsdnSim().Configure<SiloMessagingOptions>(o => o.ResponseTimeout = Timeout));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = Timeout));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// One agent, one process of 50 short steps: about 10 million events but only 200,000 finished
    /// projects, so the run is long in events and small in memory (no long garbage collections).
    /// </summary>
    protected static RunSpec LongRun(long maxEventsPerWindow)
    {
        var steps = string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"      - {{ id: s{i}, role: work, effort: {{ dist: exponential, mean: 0.01wd }}{(i > 0 ? $", after: [s{i - 1}]" : "")} }}"));
        var yaml = $$"""
            name: long run
            seed: 9
            start: 2025-01-01
            horizon: 200000d
            calendar: { kind: continuous }
            agents: [{ id: town, kind: municipality, agencies: [{ id: office, staff: 1, roles: [work] }] }]
            processes:
              - id: long
                steps:
            {{steps}}
            jurisdiction: { work: self }
            demand: [{ process: long, rate: 1/day }]
            """;
        return Runs.Spec(Runs.Parse(yaml), maxEventsPerWindow: maxEventsPerWindow);
    }

}

public sealed class SlicedRunTests : ResponseTimeoutTests
{
    [Fact]
    public async Task ALongRun_DoesNotTripTheResponseTimeout()
    {
        var spec = LongRun(maxEventsPerWindow: 20_000);
        var engine = new OrleansEngine(Cluster.Client) { Slice = TimeSpan.FromMilliseconds(50) };

        var clock = Stopwatch.StartNew();
        var result = await engine.RunReplicationAsync(spec, spec.Compile(), 0, null, CancellationToken.None);

        result.Events.Should().BeGreaterThan(9_000_000);
        clock.Elapsed.Should().BeGreaterThan(Timeout, "the run as a whole is longer than any call may be");
    }
}

public sealed class UnslicedRunTests : ResponseTimeoutTests
{
    [Fact]
    public async Task TheSameRunInOneCall_WouldTripIt()
    {
        // The counterfactual: without slicing, one agent call carries the whole run and times out.
        var spec = LongRun(maxEventsPerWindow: long.MaxValue);
        var engine = new OrleansEngine(Cluster.Client) { Slice = TimeSpan.FromMilliseconds(50) };

        var act = () => engine.RunReplicationAsync(spec, spec.Compile(), 0, null, CancellationToken.None);

        await act.Should().ThrowAsync<TimeoutException>();
    }
}

[CollectionDefinition(ResponseTimeoutTests.Name, DisableParallelization = true)]
public sealed class ResponseTimeoutCollection;
