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

    private readonly RunCalls _running = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddIsdnSim().AddIncomingGrainCallFilter(_running).Configure<SiloMessagingOptions>(o => o.ResponseTimeout = Timeout));
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = Timeout));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// A call the client gave up on (the counterfactual's one long call) still runs on the silo,
    /// and disposing the cluster does not stop it: left running, it takes a core from the next
    /// test, whose sliced calls then stall past the timeout on a two-core machine. So the
    /// cluster waits for its run's calls to end first.
    /// </summary>
    public async Task DisposeAsync()
    {
        await _running.IdleAsync(TimeSpan.FromMinutes(2));
        await Cluster.DisposeAsync();
    }

    /// <summary>
    /// One agent, one process of 50 short steps: about 10 million events but only 200,000 finished
    /// projects (at the default horizon), so the run is long in events and small in memory (no long garbage collections).
    /// </summary>
    protected static RunSpec LongRun(long maxEventsPerWindow, int horizonDays = 200_000)
    {
        var steps = string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"      - {{ id: s{i}, role: work, effort: {{ dist: exponential, mean: 0.01wd }}{(i > 0 ? $", after: [s{i - 1}]" : "")} }}"));
        var yaml = $$"""
            name: long run
            seed: 9
            start: 2025-01-01
            horizon: {{horizonDays}}d
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
        // A shorter run (still several times the timeout) does: the call the client gave up on runs
        // to its end on the silo, and the collection waits for it (DisposeAsync).
        var spec = LongRun(maxEventsPerWindow: long.MaxValue, horizonDays: 80_000);
        var engine = new OrleansEngine(Cluster.Client) { Slice = TimeSpan.FromMilliseconds(50) };

        var act = () => engine.RunReplicationAsync(spec, spec.Compile(), 0, null, CancellationToken.None);

        await act.Should().ThrowAsync<TimeoutException>();
    }
}

/// <summary>Counts the calls to a run's grains that are running on the silo, answered or given up on.</summary>
internal sealed class RunCalls : IIncomingGrainCallFilter
{
    private int _running;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not (RunCoordinatorGrain or AgentGroupGrain))
        {
            await context.Invoke();
            return;
        }

        Interlocked.Increment(ref _running);
        try
        {
            await context.Invoke();
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>Waits until no call to a run's grain is running, at most <paramref name="limit"/>.</summary>
    public async Task IdleAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _running) > 0)
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{_running} call(s) to a run's grains still running after {limit}.");
            }

            await Task.Delay(50);
        }
    }
}

[CollectionDefinition(ResponseTimeoutTests.Name, DisableParallelization = true)]
public sealed class ResponseTimeoutCollection;
