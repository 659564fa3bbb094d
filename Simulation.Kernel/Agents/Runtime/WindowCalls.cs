using System.Runtime.ExceptionServices;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Runtime;

/// <summary>
/// Calls the due agents of the window a <see cref="WindowCoordinator"/> planned and applies their
/// answers, in due order, so the coordinator stays the one place where order is decided. The agents
/// of a window are independent: each reads only its own state, its inbox and the window's share,
/// and writes only its own state, its trace and its outbox. So a large window's calls are spread
/// over several threads, each agent's answer kept, and the answers applied after all calls in the
/// order one thread would have applied them: results and trace are the same bytes whatever the
/// number of threads. A window is spread only when it has at least <see cref="ParallelFrom"/> due
/// agents and its expected work, the due agents times the events per call of the windows before it,
/// is at least <see cref="SpreadFromEvents"/> events; any other window is called on the calling
/// thread, each answer applied at once, as a small window (the rural district's 36 agents, or a
/// generated 800-municipality region's hundred events) is shorter than it takes to hand work to
/// another thread and back.
/// </summary>
/// <remarks>
/// A spread window is called by a <see cref="WindowTeam"/>: the calling thread and helper threads
/// of the replication's own, which spin briefly between windows instead of being handed each window
/// anew. The threads of a spread window take its due agents <see cref="RunLength"/> consecutive due
/// indices (a run) at a time, each run as the thread becomes free, so a thread that woke late or had busy
/// agents takes fewer, and neither waits long for the other at the window's end. Each thread has an
/// outbox of its own and points the agents it calls at it (<see cref="AgentRuntime.UseOutbox"/>);
/// the outbox keeps the window's messages, call after call, and each call's are a stretch of it.
/// Which thread called an agent changes where its messages wait, never which messages or in what
/// order they are applied. While the calling thread plans a window, a helper waiting for it hints
/// the processor to load the state of the window's candidates (<see cref="HintCandidates"/>).
/// </remarks>
public sealed class WindowCalls
{
    /// <summary>
    /// Due agents from which a window is spread over the threads. A window's fork and join cost some
    /// microseconds, about what a few dozen agent calls take (BENCHMARKS.md, fifth round, window threads).
    /// </summary>
    public const int DefaultParallelFrom = 64;

    /// <summary>
    /// Expected events from which a window is spread over the threads. A fork and join costs about
    /// 100 microseconds when the other threads must wake up, some hundred events' work; a generated
    /// 800-municipality region's windows have about 100 events, Germany's about 1,260
    /// (BENCHMARKS.md, sixth round, window threads).
    /// </summary>
    public const long DefaultSpreadFromEvents = 512;

    /// <summary>
    /// Due agents a thread takes at a time in a spread window. A Germany window has about 700, so some
    /// twenty runs. Within a run each call hints the agents up to three calls after it in the run,
    /// so a run's first three calls are not hinted: 16 (the tenth round's length, against the
    /// eight fixed slices of agents before, whose end wait was about 100 microseconds) left a fifth
    /// of the calls unhinted. 32 made a Germany replication 0.97 and 0.98 of 16's time, and 64 0.99
    /// of 32's, replications with each length taking turns in one process (BENCHMARKS.md,
    /// sixteenth round).
    /// </summary>
    public const int RunLength = 32;

    /// <summary>Agents a thread takes at a time when closing (<see cref="Close"/>): closing one takes some microseconds.</summary>
    private const int CloseRunLength = 64;

    private readonly Outbox[] _outboxes;
    private readonly ParallelOptions _parallel;

    // The threads of a spread window (none on one thread), and the window they call.
    private readonly WindowTeam? _team;
    private WindowCoordinator? _spread;
    private bool _spreadTraced;

    // What each call of the window planned last answered, by due index.
    private double[] _next = [];
    private long[] _events = [];
    private int[] _outStart = [];
    private int[] _outEnd = [];
    private int[] _outOf = [];

    // The first due index of the spread window not yet taken by a thread (when closing, the first agent).
    private int _taken;
    private TraceEvent[][] _traces = [];
    private readonly (int Due, ExceptionDispatchInfo Error)?[] _failed;

    // The candidates of the window being planned, copied for the helpers to hint (HintCandidates):
    // the coordinator that tells them, the copy and its length, the windows whose calls had begun
    // when it was planned (-1: none copied yet), and per helper that number for the copy it hinted
    // last. Windows whose calls have begun: the calling thread counts them (CallsBegin), and a
    // helper stops hinting when the count moves past its copy's.
    private WindowCoordinator? _planner;
    private int[] _candidates = [];
    private int _candidateCount;
    private long _candidatesAfter = -1;
    private readonly long[] _hinted;
    private long _called;
    private long _hintedAgents;

    private WindowCalls(SimulationModel model, int replication, AgentOptions options, int threads, int parallelFrom, long spreadFromEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelFrom);
        ArgumentOutOfRangeException.ThrowIfNegative(spreadFromEvents);
        SpreadFromEvents = spreadFromEvents;

        // A region with fewer agents than the threshold never spreads a window: it keeps one thread.
        threads = model.Agents.Count < parallelFrom ? 1 : threads;
        Threads = threads;
        ParallelFrom = threads == 1 ? int.MaxValue : parallelFrom;

        // One outbox per thread. A window called on one thread routes each call's messages before
        // the next call, so there any agent may share any outbox: each starts with the first.
        _outboxes = [.. Enumerable.Range(0, threads).Select(_ => new Outbox())];
        // The default scheduler named, not left to the caller's: inside a grain's turn (the Orleans
        // engine's only group) closing goes to the thread pool, not to the grain's scheduler. A spread
        // window's helpers are threads of the team's own.
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, TaskScheduler = TaskScheduler.Default };
        _team = threads == 1 ? null : new WindowTeam(threads, thread => CallRuns(_spread!, thread, _spreadTraced), HintCandidates);
        _failed = new (int, ExceptionDispatchInfo)?[threads];
        _hinted = [.. Enumerable.Repeat(-1L, threads - 1)];
        Agents = new AgentRuntime[model.Agents.Count];
        for (var a = 0; a < Agents.Length; a++)
        {
            Agents[a] = new AgentRuntime(model, a, replication, options, _outboxes[0]);
        }
    }

    /// <summary>The replication's agents, agent a at index a.</summary>
    public AgentRuntime[] Agents { get; }

    /// <summary>Threads a large window's calls are spread over (1: all on the calling thread).</summary>
    public int Threads { get; }

    /// <summary>Due agents from which a window is spread over the threads.</summary>
    public int ParallelFrom { get; }

    /// <summary>Expected events (due agents times the events per call so far) from which a window is spread over the threads.</summary>
    public long SpreadFromEvents { get; }

    /// <summary>Outboxes: one per thread.</summary>
    public int Outboxes => _outboxes.Length;

    /// <summary>Windows whose calls were spread over the threads.</summary>
    public long SpreadWindows { get; private set; }

    /// <summary>
    /// Candidates whose state a waiting helper hinted while their window was planned
    /// (<see cref="HintCandidates"/>); with several helpers, each hints them all and each counts.
    /// </summary>
    internal long HintedAgents => Interlocked.Read(ref _hintedAgents);

    /// <summary>
    /// Makes a replication's agents, to be called by up to
    /// <paramref name="threads"/> threads in windows of at least <paramref name="parallelFrom"/> due agents
    /// and <paramref name="spreadFromEvents"/> expected events.
    /// </summary>
    public static WindowCalls Create(
        SimulationModel model, int replication, AgentOptions options, int threads, int parallelFrom = DefaultParallelFrom, long spreadFromEvents = DefaultSpreadFromEvents) =>
        new(model, replication, options, threads, parallelFrom, spreadFromEvents);

    /// <summary>
    /// Whether the window <paramref name="coordinator"/> planned last is spread: at least
    /// <see cref="ParallelFrom"/> due agents, and at least <see cref="SpreadFromEvents"/> expected events,
    /// the due agents times the events per call of the replication's windows so far (none before the
    /// first window's answers). Only the calls' threads depend on it, never a result.
    /// </summary>
    public bool Spreads(WindowCoordinator coordinator)
    {
        // The coordinator counts the window's calls when it plans it, its events when they are applied.
        var due = coordinator.DueCount;
        return Spreads(due, coordinator.Events, coordinator.Calls - due);
    }

    /// <summary>Whether a window of <paramref name="due"/> agents is spread, after windows of <paramref name="callsBefore"/> calls that processed <paramref name="events"/> events.</summary>
    private bool Spreads(int due, long events, long callsBefore) =>
        due >= ParallelFrom && (SpreadFromEvents == 0 || (callsBefore > 0 && events * due >= SpreadFromEvents * callsBefore));

    /// <summary>Calls the due agents of the window <paramref name="coordinator"/> planned last and applies their answers in due order; their trace goes to <paramref name="trace"/>.</summary>
    public void Run(WindowCoordinator coordinator, TraceMerger? trace)
    {
        if (_team is not null && !ReferenceEquals(_planner, coordinator))
        {
            Watch(coordinator);
        }

        CallsBegin();

        if (Spreads(coordinator))
        {
            RunSpread(coordinator, trace);
        }
        else
        {
            RunHere(coordinator, trace);
        }
    }

    private void RunHere(WindowCoordinator coordinator, TraceMerger? trace)
    {
        var share = coordinator.Share;
        var due = coordinator.DueCount;
        for (var i = 0; i < due; i++)
        {
            Prefetch(coordinator, i + 1 < due ? i + 1 : -1, i + 2 < due ? i + 2 : -1, i + 3 < due ? i + 3 : -1);
            var (a, until) = coordinator.Due(i);
            var agent = Agents[a];
            var events = agent.Advance(until, coordinator.Inbox(i), share, out var next, out var outbox);
            trace?.Add(agent.DrainTrace());
            coordinator.Apply(a, next, events, outbox);
        }
    }

    /// <summary>
    /// Before a call, hints the processor to load the state of the agents called next on this thread
    /// (due indices, -1 for none), in stages, as each stage reads references the one before brought
    /// near a call earlier: the agent object three calls ahead (<paramref name="third"/>), its context,
    /// event list and hand-offs two ahead, its earliest event and mechanisms one ahead. At 13,000
    /// agents none is in cache when it is called. Hints only: which agents are called, and how, is unchanged.
    /// </summary>
    private void Prefetch(WindowCoordinator coordinator, int next, int second, int third)
    {
        if (third >= 0)
        {
            CacheHints.Prefetch(Agents[coordinator.Due(third).Agent]);
        }

        if (second >= 0)
        {
            Agents[coordinator.Due(second).Agent].PrefetchState();
        }

        if (next >= 0)
        {
            Agents[coordinator.Due(next).Agent].PrefetchWork();
        }
    }

    /// <summary>Has <paramref name="coordinator"/> tell this replication's helpers the candidates of each window it plans (from the next on).</summary>
    internal void Watch(WindowCoordinator coordinator)
    {
        coordinator.CandidatesFound = TakeCandidates;
        _planner = coordinator;
    }

    /// <summary>The calls of the window planned last begin (on the calling thread, before any agent is called): a helper hinting its candidates stops.</summary>
    internal void CallsBegin() => Volatile.Write(ref _called, _called + 1);

    /// <summary>
    /// Copies the candidates of the window being planned (<see cref="WindowCoordinator.CandidatesFound"/>)
    /// for the helpers to hint, if the window may be spread: it calls at most its candidates, and is
    /// planned after all windows so far (their calls counted). A window that cannot be spread is not
    /// hinted, and a helper stops hinting one that turns out not to be when its calls begin: there the
    /// helper's hints made a small region's replication slower (its agents' state is in cache already,
    /// and the lines the helper loaded are the calling thread's to take back).
    /// </summary>
    private void TakeCandidates(List<int> candidates)
    {
        if (!Spreads(candidates.Count, _planner!.Events, _planner.Calls))
        {
            return;
        }

        if (_candidates.Length < candidates.Count)
        {
            _candidates = new int[Math.Max(candidates.Count, 2 * _candidates.Length)];
        }

        candidates.CopyTo(_candidates);
        _candidateCount = candidates.Count;
        Volatile.Write(ref _candidatesAfter, _called);
    }

    /// <summary>
    /// A helper's work while it waits for the next window (<see cref="WindowTeam"/>): the calling
    /// thread plans it, about 100 microseconds at Germany scale, and the window's candidates are
    /// known early in that (<see cref="TakeCandidates"/>). The helper hints the processor to load
    /// their state, in agent order as the window's first runs will call them: each agent object,
    /// the objects it made (<see cref="AgentRuntime.PrefetchMade"/>), and what the calls' own hints
    /// name (<see cref="Prefetch"/>), in stages a few agents apart as each reads references the one
    /// before brought near. It stops when the window's calls begin (or the team hands out a window
    /// after <paramref name="seen"/>), having hinted about half of Germany's candidates by then.
    /// False when there were no new candidates to hint. With more threads than cores the helpers
    /// sleep instead of spinning, and hint only when they happen to look before they sleep.
    /// </summary>
    /// <remarks>
    /// Hints only, as in the calls: nothing a call reads is written, and a result cannot depend on
    /// them. The agents are not called while the window is planned; if its calls begin before the
    /// helper has looked again (every eight agents), what it reads of an agent being called is a
    /// reference, which is read whole, so at worst lines of no use are loaded. The candidates' copy
    /// may be written for the next window by then: its array is read once and its length capped at
    /// that array's, and every element is an agent's index, so this only changes which agents are
    /// hinted. Nothing here may throw: it runs on the helper's own thread, where an exception would
    /// end the process.
    /// </remarks>
    internal bool HintCandidates(int helper, long seen)
    {
        var after = Volatile.Read(ref _candidatesAfter);
        if (after == _hinted[helper])
        {
            return false;
        }

        _hinted[helper] = after;
        var (candidates, agents, team) = (_candidates, Agents, _team!);
        var count = Math.Min(_candidateCount, candidates.Length);
        // Four stages, step i taking candidate i's object, the objects candidate i - 1 made (their
        // address known without reading it), what candidate i - 2's object names, and what those
        // name for candidate i - 4.
        var i = 0;
        for (; i < count + 4 && ((i & 7) != 0 || (Volatile.Read(ref _called) == after && team.Window == seen)); i++)
        {
            if (i < count)
            {
                CacheHints.Prefetch(agents[candidates[i]]);
            }

            if (i >= 1 && i - 1 < count)
            {
                agents[candidates[i - 1]].PrefetchMade();
            }

            if (i >= 2 && i - 2 < count)
            {
                agents[candidates[i - 2]].PrefetchState();
            }

            if (i >= 4)
            {
                agents[candidates[i - 4]].PrefetchWork();
            }
        }

        Interlocked.Add(ref _hintedAgents, Math.Max(0, i - 4));
        return true;
    }

    private void RunSpread(WindowCoordinator coordinator, TraceMerger? trace)
    {
        var due = coordinator.DueCount;
        if (_next.Length < due)
        {
            var size = Math.Max(due, 2 * _next.Length);
            (_next, _events, _outStart, _outEnd, _outOf) = (new double[size], new long[size], new int[size], new int[size], new int[size]);
            _traces = new TraceEvent[size][];
        }

        var traced = trace is not null;
        SpreadWindows++;
        _taken = 0;
        Array.Clear(_failed);
        (_spread, _spreadTraced) = (coordinator, traced);
        _team!.Run();
        _spread = null;

        ThrowFirstFailure();

        for (var i = 0; i < due; i++)
        {
            var a = coordinator.Due(i).Agent;
            if (traced)
            {
                trace!.Add(_traces[i]);
                _traces[i] = [];
            }

            coordinator.Apply(a, _next[i], _events[i], _outboxes[_outOf[i]].Held[_outStart[i].._outEnd[i]]);
        }

        foreach (var outbox in _outboxes)
        {
            outbox.Clear();
        }
    }

    /// <summary>
    /// Closes every agent at <paramref name="horizon"/> (<see cref="AgentRuntime.Close"/>), agent a's
    /// result at index a. Closing reads and writes only the agent's own state, as a call does, so
    /// with several threads they take runs of agents as in a spread window: at Germany scale closing
    /// visits every agent's state once, about a tenth of a replication on one thread (BENCHMARKS.md,
    /// tenth round). The error of the first agent that failed, in agent order, is thrown, as on one thread.
    /// </summary>
    public AgentResult[] Close(double horizon)
    {
        // No window follows: the spread windows' helpers end (and let go of the replication).
        _team?.End();
        var agents = Agents;
        var results = new AgentResult[agents.Length];
        if (Threads == 1)
        {
            for (var a = 0; a < agents.Length; a++)
            {
                results[a] = agents[a].Close(horizon);
            }

            return results;
        }

        _taken = 0;
        Array.Clear(_failed);
        Parallel.For(0, Threads, _parallel, thread =>
        {
            var a = 0;
            try
            {
                while (TakeRun(CloseRunLength, agents.Length, out var start, out var end))
                {
                    for (a = start; a < end; a++)
                    {
                        results[a] = agents[a].Close(horizon);
                    }
                }
            }
            catch (Exception e)
            {
                _failed[thread] = (a, ExceptionDispatchInfo.Capture(e));
            }
        });

        ThrowFirstFailure();
        return results;
    }

    /// <summary>
    /// Takes the next run of at most <paramref name="length"/> indices below <paramref name="count"/>
    /// (due indices in a spread window, agents when closing); runs are taken in increasing order by
    /// whichever thread asks first. False when none is left.
    /// </summary>
    private bool TakeRun(int length, int count, out int start, out int end)
    {
        start = Interlocked.Add(ref _taken, length) - length;
        end = Math.Min(start + length, count);
        return start < count;
    }

    /// <summary>Rethrows the error of the first agent in due (or agent) order that failed, as on one thread.</summary>
    private void ThrowFirstFailure()
    {
        (int Due, ExceptionDispatchInfo Error)? first = null;
        foreach (var failed in _failed)
        {
            if (failed is { } f && (first is null || f.Due < first.Value.Due))
            {
                first = f;
            }
        }

        first?.Error.Throw();
    }

    /// <summary>
    /// Takes runs of the window's due agents until none is left and calls each run's agents in due
    /// order into this thread's outbox, keeping each answer. Stops at an agent that fails: the runs
    /// are taken in due order, so the first failure in due order is among those kept.
    /// </summary>
    private void CallRuns(WindowCoordinator coordinator, int thread, bool traced)
    {
        var (share, outbox, due) = (coordinator.Share, _outboxes[thread], coordinator.DueCount);

        // What is left from a window called on one thread was routed then.
        outbox.Clear();
        var i = 0;
        try
        {
            while (TakeRun(RunLength, due, out var start, out var end))
            {
                for (i = start; i < end; i++)
                {
                    Prefetch(coordinator, i + 1 < end ? i + 1 : -1, i + 2 < end ? i + 2 : -1, i + 3 < end ? i + 3 : -1);
                    var (a, until) = coordinator.Due(i);
                    var agent = Agents[a];
                    agent.UseOutbox(outbox);
                    _outOf[i] = thread;
                    _outStart[i] = outbox.Count;
                    _events[i] = agent.Advance(until, coordinator.Inbox(i), share, out _next[i], out var sent);
                    _outEnd[i] = sent.Length;
                    outbox.KeepLent();
                    if (traced)
                    {
                        _traces[i] = agent.DrainTrace();
                    }
                }
            }
        }
        catch (Exception e)
        {
            _failed[thread] = (i, ExceptionDispatchInfo.Capture(e));
        }
    }
}
