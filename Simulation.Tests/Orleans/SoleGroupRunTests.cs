using IsdnSim.Analysis.Engine;
using IsdnSim.Grains;
using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Tests.Support;
using Orleans.Concurrency;

namespace IsdnSim.Tests.Orleans;

/// <summary>
/// A replication whose agents all fit one group runs its windows inside that group
/// (<see cref="IsdnSim.Grains.Windows.SoleGroupRun"/>): the files and the trace are the bytes of the
/// in-process engine, however the run is cut into slices of wall time, and with its windows spread
/// over the window threads.
/// </summary>
public sealed class SoleGroupRunTests(OneGroupSilo silo) : IClassFixture<OneGroupSilo>
{
    [Theory]
    [InlineData("rural-district.yaml")]
    [InlineData("mmc.yaml")]
    public async Task OneGroup_GivesTheInProcessFiles(string scenario)
    {
        using var dir = new TempDirectory();
        // Three window threads each: the group spreads every window (OneGroupSilo), the in-process engine none of these small scenarios'.
        var spec = Runs.Spec(Runs.Load(scenario), new ScenarioOverrides(Replications: 3, HorizonDays: scenario == "mmc.yaml" ? 2000 : 3 * 365)) with { WindowThreads = 3 };
        var started = await StartedGroups(spec);

        var inProcess = await Runs.RunToFilesAsync(new InProcessEngine(), spec, dir.File("inprocess"));
        var beside = new OrleansEngine(silo.Cluster.Client, silo.LocalSilo(0));
        var oneGroup = await Runs.RunToFilesAsync(beside, spec, dir.File("one-group"));
        var paged = await Runs.RunToFilesAsync(new OrleansEngine(silo.Cluster.Client), spec, dir.File("paged"));

        started.Should().Be(1, "the scenario's agents fit one group");
        beside.HandedOver.Should().BeGreaterThan(0);
        foreach (var (name, bytes) in inProcess)
        {
            oneGroup[name].Should().Equal(bytes, $"{name} must be byte-identical");
            paged[name].Should().Equal(bytes, $"{name} must be byte-identical");
        }

        oneGroup.Keys.Should().BeEquivalentTo(inProcess.Keys);
    }

    [Fact]
    public async Task OneGroup_CutIntoSlicesOfAWindowOrSo_GivesTheInProcessTrace()
    {
        using var dir = new TempDirectory();
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365)) with { WindowThreads = 3 };

        await Tracing.Traces.WriteAsync(dir.File("inprocess.jsonl"), spec, replication: 1);
        await Tracing.Traces.WriteAsync(dir.File("whole.jsonl"), spec, new OrleansEngine(silo.Cluster.Client), replication: 1);

        // A slice of a tick ends after the first window or two: every call returns part of the trace.
        await Tracing.Traces.WriteAsync(dir.File("sliced.jsonl"), spec, new OrleansEngine(silo.Cluster.Client) { Slice = TimeSpan.FromTicks(1) }, replication: 1);

        var expected = await File.ReadAllBytesAsync(dir.File("inprocess.jsonl"));
        expected.Length.Should().BeGreaterThan(1_000_000, "a year of the rural district is thousands of events");
        (await File.ReadAllBytesAsync(dir.File("whole.jsonl"))).Should().Equal(expected);
        (await File.ReadAllBytesAsync(dir.File("sliced.jsonl"))).Should().Equal(expected);
    }

    [Fact]
    public async Task AGroupOfSeveral_RefusesToRunWindowsAlone()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 30));
        var coordinator = silo.Cluster.Client.GetGrain<IRunCoordinatorGrain>("not-alone/0");
        await coordinator.Start(spec.AsImmutable(), 0, trace: false);

        // The second of two groups of the coordinator's run (which itself has one: the spec is what matters).
        var group = silo.Cluster.Client.GetGrain<IAgentGroupGrain>(RunCoordinatorGrain.GroupKey("not-alone/0", 1));
        await group.Initialize(spec.Key, 0, 1, 2, trace: false, windowThreads: 1);

        var alone = () => group.AdvanceAlone(TimeSpan.FromSeconds(1));
        await alone.Should().ThrowAsync<ReplicationLostException>().WithMessage("*only group*");
        await group.Release();
        await coordinator.Release();
    }

    [Fact]
    public async Task SpreadOverThreads_RunsTheWindowsOfOneThread_WithTheirWindowsSpread()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));
        var model = spec.Compile();

        async Task<(CoordinatorProgress Progress, long Spread)> Run(int threads)
        {
            var calls = WindowCalls.Create(model, 0, spec.Options, threads, parallelFrom: 0, spreadFromEvents: 0);
            var firsts = calls.Agents.Select(a => a.Initialize()).ToArray();
            var run = new SoleGroupRun(model, spec.MaxEventsPerWindow, calls, firsts, trace: false);
            var progress = await run.AdvanceAsync(TimeSpan.MaxValue);
            foreach (var agent in calls.Agents)
            {
                agent.Close(model.Horizon.Days).Dispose();
            }

            return (progress, run.SpreadWindows);
        }

        var one = await Run(1);
        var three = await Run(3);

        one.Progress.Done.Should().BeTrue();
        one.Spread.Should().Be(0, "one thread calls every window itself");
        three.Spread.Should().Be(one.Progress.Windows, "from 0 due agents and events on, every window is spread");
        (three.Progress.Now, three.Progress.Events, three.Progress.Windows, three.Progress.Done)
            .Should().Be((one.Progress.Now, one.Progress.Events, one.Progress.Windows, true));
    }

    /// <summary>Groups a replication of <paramref name="spec"/> is given on the fixture's silo.</summary>
    private async Task<int> StartedGroups(RunSpec spec)
    {
        var coordinator = silo.Cluster.Client.GetGrain<IRunCoordinatorGrain>($"groups/{Guid.NewGuid():N}/0");
        var started = await coordinator.Start(spec.AsImmutable(), 0, trace: false);
        await coordinator.Release();
        return started.Groups;
    }
}
