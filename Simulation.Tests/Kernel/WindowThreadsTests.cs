using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Scenario.Generation;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The in-process engine spreads a window's agents over threads (<see cref="WindowCalls"/>) and
/// applies their answers in due order: results and trace are the same bytes with one thread as with
/// several. Here every window is spread (from 0 due agents on), so small scenarios test it too.
/// </summary>
public sealed class WindowThreadsTests
{
    public static TheoryData<string> Scenarios => new() { "rural-district.yaml", "mmc.yaml", "generated" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ResultFiles_AreByteIdentical_OnOneTwoThreeAndSevenWindowThreads(string scenario)
    {
        using var dir = new TempDirectory();
        var spec = Spec(scenario);
        var model = spec.Compile();

        Dictionary<string, byte[]> Files(int threads)
        {
            var results = Enumerable.Range(0, 2)
                .Select(r => InProcessEngine.Run(spec with { WindowThreads = threads }, model, r, null, CancellationToken.None, null, parallelFrom: 0))
                .ToArray();
            return Runs.WriteFiles(spec, model, results, "inprocess", dir.File($"threads-{threads}"));
        }

        var one = Files(1);
        foreach (var threads in new[] { 2, 3, 7 })
        {
            var several = Files(threads);
            several.Keys.Should().BeEquivalentTo(one.Keys);
            foreach (var (name, bytes) in one)
            {
                several[name].Should().Equal(bytes, $"{name} on {threads} window threads must be byte-identical to one thread");
            }
        }
    }

    [Fact]
    public void Trace_IsByteIdentical_OnOneAndThreeWindowThreads()
    {
        using var dir = new TempDirectory();
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));
        var model = spec.Compile();

        byte[] Trace(int threads)
        {
            var path = dir.File($"threads-{threads}.jsonl");
            using (var writer = TraceWriter.Create(path, model, new TraceHeader(spec.ScenarioFile, spec.ScenarioHash, 1), 1L << 30))
            {
                InProcessEngine.Run(spec with { WindowThreads = threads }, model, 1, null, CancellationToken.None, writer, parallelFrom: 0).Dispose();
                writer.Complete();
            }

            return File.ReadAllBytes(path);
        }

        var one = Trace(1);
        one.Length.Should().BeGreaterThan(1_000_000, "a year of the rural district is thousands of events");
        Trace(3).Should().Equal(one);
    }

    [Fact]
    public void EveryWindow_IsSpread_FromZeroDueAgents_AndNone_BelowTheThreshold()
    {
        var model = Spec("rural-district.yaml").Compile();

        (long Windows, long Spread, long Events) RunWith(int threads, int parallelFrom)
        {
            var (coordinator, calls) = RunWindows(model, threads, parallelFrom, parallelFrom == 0 ? 0 : WindowCalls.DefaultSpreadFromEvents, null);
            return (coordinator.Windows, calls.SpreadWindows, coordinator.Events);
        }

        var alone = RunWith(1, 0);
        var spread = RunWith(3, 0);
        var small = RunWith(3, WindowCalls.DefaultParallelFrom);

        alone.Spread.Should().Be(0, "one thread calls every window itself");
        spread.Should().Be((alone.Windows, alone.Windows, alone.Events), "from 0 due agents on, every window is spread, with the same windows and events");
        model.Agents.Count.Should().BeLessThan(WindowCalls.DefaultParallelFrom);
        small.Should().Be((alone.Windows, 0L, alone.Events), "no window of the rural district's 36 agents reaches the threshold");
    }

    [Fact]
    public void Windows_AreSpread_FromTheThresholdsOfDueAgentsAndExpectedEvents_Exactly()
    {
        var model = Spec("generated").Compile();

        // Which windows one thread's run would spread: due agents, and due agents times the events per call before the window.
        var expected = new List<long>();
        RunWindows(model, 1, int.MaxValue, 0, c =>
        {
            var callsBefore = c.Calls - c.DueCount;
            if (c.DueCount >= 64 && callsBefore > 0 && c.Events * c.DueCount >= 128 * callsBefore)
            {
                expected.Add(c.Windows);
            }
        });

        var spread = new List<long>();
        WindowCalls? seen = null;
        var (coordinator, calls) = RunWindows(model, 2, 64, 128, c =>
        {
            if (seen!.Spreads(c))
            {
                spread.Add(c.Windows);
            }
        }, made => seen = made);

        (calls.ParallelFrom, calls.SpreadFromEvents).Should().Be((64, 128L));
        spread.Should().Equal(expected, "exactly the windows of at least 64 due agents and 128 expected events are spread");
        var byDueAlone = RunWindows(model, 2, 64, 0, null).Calls.SpreadWindows;
        var byDefault = RunWindows(model, 2, WindowCalls.DefaultParallelFrom, WindowCalls.DefaultSpreadFromEvents, null).Calls.SpreadWindows;
        (coordinator.Windows, coordinator.Events, calls.SpreadWindows, byDueAlone, byDefault).Should().Be((319L, 14_074L, 2L, 3L, 0L),
            "one window of 64 due agents expects fewer than 128 events; none of this small region's 44 events a window expects 512");
    }

    [Fact]
    public void ResultFiles_AreByteIdentical_OnOneAndTwoThreads_WithTheDefaultThresholds()
    {
        using var dir = new TempDirectory();
        var spec = Spec("generated");
        var model = spec.Compile();

        Dictionary<string, byte[]> Files(int threads) =>
            Runs.WriteFiles(spec, model, [InProcessEngine.Run(spec with { WindowThreads = threads }, model, 0)], "inprocess", dir.File($"threads-{threads}"));

        var one = Files(1);
        var two = Files(2);
        two.Keys.Should().BeEquivalentTo(one.Keys);
        foreach (var (name, bytes) in one)
        {
            two[name].Should().Equal(bytes, $"{name} with some windows spread must be byte-identical to one thread");
        }
    }

    [Fact]
    public void ResultFiles_AreByteIdentical_WhenSpreadWindowsAndWindowsOnOneThreadAlternate()
    {
        using var dir = new TempDirectory();
        var spec = Spec("generated");
        var model = spec.Compile();

        // From 64 due agents and 128 expected events this region spreads a few windows and calls the
        // rest on one thread, so agents pointed at a thread's outbox in a spread window are called
        // on the calling thread afterwards.
        Dictionary<string, byte[]> Files(int threads, string name)
        {
            var results = Enumerable.Range(0, 2)
                .Select(r => InProcessEngine.Run(spec with { WindowThreads = threads }, model, r, null, CancellationToken.None, null, parallelFrom: 64, spreadFromEvents: 128))
                .ToArray();
            return Runs.WriteFiles(spec, model, results, "inprocess", dir.File(name));
        }

        var mixed = RunWindows(model, 3, 64, 128, null);
        (mixed.Calls.SpreadWindows, mixed.Coordinator.Windows - mixed.Calls.SpreadWindows).Should().Match<(long Spread, long Here)>(w => w.Spread > 0 && w.Here > 0);

        var one = Files(1, "one");
        var three = Files(3, "three");
        three.Keys.Should().BeEquivalentTo(one.Keys);
        foreach (var (name, bytes) in one)
        {
            three[name].Should().Equal(bytes, $"{name} with some windows spread over three threads and the others on one must be byte-identical to one thread");
        }
    }

    [Fact]
    public void EachWindowThread_HasAnOutbox_AndOneThread_One()
    {
        var model = Spec("rural-district.yaml").Compile();

        var calls = WindowCalls.Create(model, 0, AgentOptions.Default, 3, 0);

        (calls.Threads, calls.Outboxes, calls.ParallelFrom).Should().Be((3, 3, 0));
        WindowCalls.Create(model, 0, AgentOptions.Default, 1, 0).Should().Match<WindowCalls>(c => c.Outboxes == 1 && c.ParallelFrom == int.MaxValue,
            "on one thread all agents share one outbox and every window is called on the calling thread");
        WindowCalls.Create(model, 0, AgentOptions.Default, 3, WindowCalls.DefaultParallelFrom).Should().Match<WindowCalls>(c => c.Threads == 1 && c.Outboxes == 1,
            "36 agents never make a window of 64 due agents: the region keeps one thread and one outbox, as before");
    }

    [Fact]
    public void SpreadWindow_ThrowsTheErrorOfTheFirstAgentInDueOrder_WhenAgentsOnSeveralThreadsFail()
    {
        // Brandenburg's 520 agents, so that the window of them all has several runs for each thread.
        var (coordinator, calls) = Started(Spec("brandenburg.yaml").Compile(), 3, 0, 0);

        // A year of windows, so that every agent has processed everything before some time after 0.
        var called = new SortedSet<int>();
        while (coordinator.PlanWindow())
        {
            for (var i = 0; i < coordinator.DueCount; i++)
            {
                called.Add(coordinator.Due(i).Agent);
            }

            calls.Run(coordinator, null);
            if (coordinator.Now >= 365)
            {
                break;
            }
        }

        // A message for time 0 to every agent called so far: each fails on it when next called, and the
        // window calling them all has more due agents than one run, so several threads take them.
        var late = called.Select(a => new Message(0, called.Max, a, a, 0, default, default)).ToArray();
        coordinator.Apply(called.Max, double.PositiveInfinity, 0, late);
        coordinator.PlanWindow().Should().BeTrue();
        coordinator.DueCount.Should().Be(called.Count).And.BeGreaterThan(2 * WindowCalls.RunLength);
        calls.Spreads(coordinator).Should().BeTrue();

        var run = () => calls.Run(coordinator, null);

        run.Should().Throw<InvalidOperationException>().WithMessage($"Causality violation: agent {called.Min} received a message for 0 *",
            "the agent first in due order (the least index) fails first on one thread, whichever thread called it here");
    }

    [Fact]
    public void AWaitingHelper_HintsTheCandidatesOfAWindowToBeSpread_OnceEach_AndStopsOnceItsCallsBegin()
    {
        // Brandenburg on two threads with every window spread. The windows are planned and not called,
        // so no helper thread runs and a helper's idle work is asked for here.
        var (coordinator, calls) = Planner(spreadFromEvents: 0);
        var found = new List<int[]>();
        var told = coordinator.CandidatesFound!;
        coordinator.CandidatesFound = candidates =>
        {
            found.Add([.. candidates]);
            told(candidates);
        };

        calls.HintCandidates(0, 0).Should().BeFalse("no window has been planned");
        coordinator.PlanWindow().Should().BeTrue();
        calls.Spreads(coordinator).Should().BeTrue();
        found.Should().ContainSingle();
        var due = Enumerable.Range(0, coordinator.DueCount).Select(i => coordinator.Due(i).Agent).ToArray();
        due.Should().NotBeEmpty().And.BeSubsetOf(found[0], "the candidates are the agents that may be due");

        // The team has handed out no window (0): a helper that saw that one hints every candidate, once.
        calls.HintCandidates(0, 0).Should().BeTrue();
        calls.HintedAgents.Should().Be(found[0].Length);
        calls.HintCandidates(0, 0).Should().BeFalse("each window's candidates are hinted once");

        // The next window planned after this one's calls began; its calls begin before the helper looks.
        calls.CallsBegin();
        coordinator.PlanWindow().Should().BeTrue();
        found.Should().HaveCount(2);
        calls.CallsBegin();
        calls.HintCandidates(0, 0).Should().BeTrue("there were new candidates");
        calls.HintedAgents.Should().Be(found[0].Length, "none of them is hinted once the window's calls have begun");

        // And a window whose team has handed out a window after the one the helper saw (-1).
        coordinator.PlanWindow().Should().BeTrue();
        calls.HintCandidates(0, -1).Should().BeTrue();
        calls.HintedAgents.Should().Be(found[0].Length, "none is hinted once the team has handed out the window");
    }

    [Fact]
    public void AWindowThatCannotBeSpread_IsNotHinted()
    {
        // A threshold far beyond any window's expected events: windows are called on the calling
        // thread, with the calls before them counted, and none is given to the helpers.
        var (coordinator, calls) = Planner(spreadFromEvents: 1L << 40);
        for (var w = 0; w < 20; w++)
        {
            coordinator.PlanWindow().Should().BeTrue();
            calls.Spreads(coordinator).Should().BeFalse();
            calls.HintCandidates(0, 0).Should().BeFalse($"window {w} is called on one thread");
            calls.Run(coordinator, null);
        }

        calls.HintedAgents.Should().Be(0);
        coordinator.Calls.Should().BeGreaterThan(coordinator.DueCount, "later windows come after calls, which the test of the expected events reads");
    }

    /// <summary>Brandenburg's agents made and started for two window threads, and a coordinator that tells their calls each window's candidates.</summary>
    private static (WindowCoordinator Coordinator, WindowCalls Calls) Planner(long spreadFromEvents)
    {
        var (coordinator, calls) = Started(Spec("brandenburg.yaml").Compile(), 2, 0, spreadFromEvents);
        calls.Watch(coordinator);
        return (coordinator, calls);
    }

    [Fact]
    public void Close_OnSeveralThreads_GivesEveryAgentsResult_InAgentOrder_AsOneThread()
    {
        var model = Spec("generated").Compile();

        AgentResult[] Closed(int threads)
        {
            var (coordinator, calls) = RunWindows(model, threads, 0, 0, null);
            calls.Threads.Should().Be(threads);
            return calls.Close(model.Horizon.Days);
        }

        var one = Closed(1);
        var three = Closed(3);
        try
        {
            three.Select(r => r.Agent).Should().Equal(Enumerable.Range(0, model.Agents.Count));
            three.Select(Summary).Should().Equal(one.Select(Summary));
        }
        finally
        {
            foreach (var r in one.Concat(three))
            {
                r.Dispose();
            }
        }

        static (int, long, long, long, double) Summary(AgentResult r) =>
            (r.Agent, r.Events, r.Finished.Count, r.Agencies.Sum(g => g.Done), r.Agencies.Sum(g => g.WaitingCaused));
    }

    [Fact]
    public void KeptOutbox_HoldsEachCallsMessages_AfterThePreviousCalls_UntilCleared()
    {
        var outbox = new Outbox();
        Message Sent(int from, long sequence) => new(1.0 + sequence, from, sequence, 0, 0.5, default, default);

        outbox.Add(Sent(4, 0));
        outbox.Lend().Length.Should().Be(1);
        outbox.KeepLent();
        outbox.ClearLent(); // the next call of an agent sharing the outbox
        outbox.Count.Should().Be(1, "kept messages are not cleared by the next call");
        outbox.Add(Sent(9, 0));
        outbox.Add(Sent(9, 1));
        outbox.Lend().ToArray().Select(m => (m.From, m.Sequence)).Should().Equal((4, 0L), (9, 0L), (9, 1L));
        outbox.Held[1..3].ToArray().Select(m => m.From).Should().Equal(9, 9);

        outbox.ClearLent();
        outbox.IsEmpty.Should().BeTrue("lent and not kept, the messages are cleared by the next call as before");
        outbox.Add(Sent(2, 0));
        outbox.KeepLent();
        outbox.Clear();
        outbox.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void WindowThreads_DefaultToTheCoresEachReplicationRunningAtOnceHas()
    {
        var spec = Spec("mmc.yaml");

        spec.WindowThreads.Should().Be(0);
        spec.ThreadsPerReplication(1).Should().Be(Environment.ProcessorCount);
        spec.ThreadsPerReplication(Environment.ProcessorCount).Should().Be(1);
        spec.ThreadsPerReplication(4 * Environment.ProcessorCount).Should().Be(1, "at least one");
        (spec with { WindowThreads = 5 }).ThreadsPerReplication(Environment.ProcessorCount).Should().Be(5, "given, it is kept");
        spec.Key.Should().Be((spec with { WindowThreads = 5 }).Key, "threads change no result, so they do not name another model");
    }

    /// <summary>Runs a replication's windows with <see cref="WindowCalls"/>, calling <paramref name="before"/> with each planned window before its calls.</summary>
    private static (WindowCoordinator Coordinator, WindowCalls Calls) RunWindows(
        IsdnSim.Kernel.Model.SimulationModel model, int threads, int parallelFrom, long spreadFromEvents, Action<WindowCoordinator>? before, Action<WindowCalls>? made = null)
    {
        var (coordinator, calls) = Started(model, threads, parallelFrom, spreadFromEvents);
        made?.Invoke(calls);
        while (coordinator.PlanWindow())
        {
            before?.Invoke(coordinator);
            calls.Run(coordinator, null);
        }

        return (coordinator, calls);
    }

    /// <summary>A replication's agents made and started (<see cref="AgentRuntime.Initialize"/>) for <see cref="WindowCalls"/>, and their coordinator.</summary>
    private static (WindowCoordinator Coordinator, WindowCalls Calls) Started(
        IsdnSim.Kernel.Model.SimulationModel model, int threads, int parallelFrom, long spreadFromEvents)
    {
        var coordinator = new WindowCoordinator(model, RunSpec.DefaultMaxEventsPerWindow);
        var calls = WindowCalls.Create(model, 0, AgentOptions.Default, threads, parallelFrom, spreadFromEvents);
        for (var a = 0; a < calls.Agents.Length; a++)
        {
            coordinator.SetInitial(a, calls.Agents[a].Initialize());
        }

        return (coordinator, calls);
    }

    private static RunSpec Spec(string scenario)
    {
        if (scenario == "generated")
        {
            var yaml = RegionGenerator.Generate(new RegionSpec(300, 8, 3, 2, Amter: true, Seed: 11));
            return Runs.Spec(Runs.Parse(yaml), new ScenarioOverrides(HorizonDays: 2 * 365));
        }

        return Runs.Spec(Runs.Load(scenario), scenario == "mmc.yaml" ? new ScenarioOverrides(HorizonDays: 2000) : new ScenarioOverrides(HorizonDays: 3 * 365));
    }
}
