using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using IsdnSim.Tests.Support;
using Orleans.TestingHost;

namespace IsdnSim.Tests.Orleans;

/// <summary>
/// A silo that dies in the middle of a batch loses no replication: those it held run again on
/// the silo that remains, and the files are the in-process engine's to the byte. The cluster is
/// the test's own (a silo of it is killed), so the test runs alone.
/// </summary>
[Collection(Name)]
public sealed class SiloLossTests : IAsyncLifetime
{
    public const string Name = "Silo loss (runs alone)";

    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddIsdnSim());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ASiloKilledMidBatch_ItsReplicationsRunAgainElsewhere_AndTheFilesAreTheInProcessOnes()
    {
        using var dir = new TempDirectory();
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(Replications: 12, HorizonDays: 2 * 365));
        var expected = await Runs.RunToFilesAsync(new InProcessEngine(), spec, dir.File("inprocess"));

        await using var watch = await ClusterWatch.StartAsync(_cluster.Client, CancellationToken.None);
        var reruns = new List<string>();
        var engine = new OrleansEngine(_cluster.Client, watch: watch) { Rerunning = (r, why) => { lock (reruns) { reruns.Add($"{r}: {why}"); } } };
        var victim = _cluster.Silos[1];
        var run = Runs.RunToFilesAsync(engine, spec, dir.File("cluster"), parallelism: 4);
        await KillOnceItHoldsARunAsync(victim, run);

        var clock = Stopwatch.StartNew();
        var actual = await run;

        watch.SilosLost.Should().Be(1);
        reruns.Should().NotBeEmpty("the killed silo held at least one running replication");
        engine.Rerun.Should().Be(reruns.Count);
        clock.Elapsed.Should().BeLessThan(IsdnSimHosting.ResponseTimeout, "a lost replication is noticed through membership, not by waiting for a response timeout");
        actual.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (name, bytes) in expected)
        {
            actual[name].Should().Equal(bytes, $"{name} must be byte-identical after the rerun");
        }
    }

    /// <summary>Kills <paramref name="victim"/> as soon as a replication's coordinator is active on it.</summary>
    private async Task KillOnceItHoldsARunAsync(InProcessSiloHandle victim, Task run)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        while (!run.IsCompleted)
        {
            var stats = await management.GetDetailedGrainStatistics(null, [victim.SiloAddress]);
            if (stats.Any(s => s.GrainType.Contains(nameof(RunCoordinatorGrain), StringComparison.Ordinal)))
            {
                await _cluster.KillSiloAsync(victim);
                return;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException("The batch finished before any replication ran on the second silo.");
    }
}

[CollectionDefinition(SiloLossTests.Name, DisableParallelization = true)]
public sealed class SiloLossCollection;
