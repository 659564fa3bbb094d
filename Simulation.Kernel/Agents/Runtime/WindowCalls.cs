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
/// An agent's outbox is fixed when it is made, so agent a writes into the outbox of slice a mod
/// <see cref="Slices"/>; a slice's agents are called by one thread at a time, and a window's slices
/// are handed to the threads as they become free (more slices than threads even out a window whose
/// agents have uneven work). Within a slice the outbox keeps the window's messages, call after call;
/// each call's are a stretch of it.
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
    /// 100 microseconds when the pool's threads must wake up, some hundred events' work; a generated
    /// 800-municipality region's windows have about 100 events, Germany's about 1,260
    /// (BENCHMARKS.md, sixth round, window threads).
    /// </summary>
    public const long DefaultSpreadFromEvents = 512;

    /// <summary>Slices per thread: enough that a slice with a busy agent does not hold up the window.</summary>
    private const int SlicesPerThread = 4;

    private readonly Outbox[] _outboxes;
    private readonly ParallelOptions _parallel;

    // What each call of the window planned last answered, by due index.
    private double[] _next = [];
    private long[] _events = [];
    private int[] _outStart = [];
    private int[] _outEnd = [];
    private TraceEvent[][] _traces = [];
    private readonly (int Due, ExceptionDispatchInfo Error)?[] _failed;

    // Each slice's due indices in the window being called, in due order (CallSlice).
    private readonly int[][] _sliceDue;

    /// <summary>Agents made elsewhere, called on the calling thread only (their outboxes are not this class's).</summary>
    public WindowCalls(AgentRuntime[] agents)
    {
        Agents = agents;
        Threads = 1;
        ParallelFrom = int.MaxValue;
        _outboxes = [];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = 1 };
        _failed = [];
        _sliceDue = [];
    }

    private WindowCalls(SimulationModel model, int replication, AgentOptions options, int threads, int parallelFrom, long spreadFromEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelFrom);
        ArgumentOutOfRangeException.ThrowIfNegative(spreadFromEvents);
        SpreadFromEvents = spreadFromEvents;

        // A region with fewer agents than the threshold never spreads a window: it keeps one outbox.
        threads = model.Agents.Count < parallelFrom ? 1 : threads;
        Threads = threads;
        ParallelFrom = threads == 1 ? int.MaxValue : parallelFrom;

        // On one thread one outbox serves all agents (each call's messages are routed before the next call).
        var slices = threads == 1 ? 1 : threads * SlicesPerThread;
        _outboxes = [.. Enumerable.Range(0, slices).Select(_ => new Outbox())];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _failed = new (int, ExceptionDispatchInfo)?[slices];
        _sliceDue = [.. Enumerable.Range(0, slices).Select(_ => Array.Empty<int>())];
        Agents = new AgentRuntime[model.Agents.Count];
        for (var a = 0; a < Agents.Length; a++)
        {
            Agents[a] = new AgentRuntime(model, a, replication, options, _outboxes[a % slices]);
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

    /// <summary>Groups of agents that share an outbox; a window's slices are what the threads take.</summary>
    public int Slices => _outboxes.Length;

    /// <summary>Windows whose calls were spread over the threads.</summary>
    public long SpreadWindows { get; private set; }

    /// <summary>
    /// Makes a replication's agents, each writing into the outbox of its slice, to be called by up to
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
        var due = coordinator.DueCount;
        if (due < ParallelFrom)
        {
            return false;
        }

        if (SpreadFromEvents == 0)
        {
            return true;
        }

        // The coordinator counts the window's calls when it plans it, its events when they are applied.
        var callsBefore = coordinator.Calls - due;
        return callsBefore > 0 && coordinator.Events * due >= SpreadFromEvents * callsBefore;
    }

    /// <summary>Calls the due agents of the window <paramref name="coordinator"/> planned last and applies their answers in due order; their trace goes to <paramref name="trace"/>.</summary>
    public void Run(WindowCoordinator coordinator, TraceMerger? trace)
    {
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

    private void RunSpread(WindowCoordinator coordinator, TraceMerger? trace)
    {
        var due = coordinator.DueCount;
        if (_next.Length < due)
        {
            var size = Math.Max(due, 2 * _next.Length);
            (_next, _events, _outStart, _outEnd) = (new double[size], new long[size], new int[size], new int[size]);
            _traces = new TraceEvent[size][];
        }

        var traced = trace is not null;
        SpreadWindows++;
        Parallel.For(0, _outboxes.Length, _parallel, slice => CallSlice(coordinator, slice, traced));

        ThrowFirstFailure();

        var slices = _outboxes.Length;
        for (var i = 0; i < due; i++)
        {
            var a = coordinator.Due(i).Agent;
            if (traced)
            {
                trace!.Add(_traces[i]);
                _traces[i] = [];
            }

            coordinator.Apply(a, _next[i], _events[i], _outboxes[a % slices].Held[_outStart[i].._outEnd[i]]);
        }

        foreach (var outbox in _outboxes)
        {
            outbox.Clear();
        }
    }

    /// <summary>Rethrows the error of the first agent in due order that failed, as on one thread.</summary>
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

    /// <summary>Calls the window's due agents of one slice, in due order, keeping each answer.</summary>
    private void CallSlice(WindowCoordinator coordinator, int slice, bool traced)
    {
        var (slices, share, outbox) = (_outboxes.Length, coordinator.Share, _outboxes[slice]);

        // What is left from a window called on one thread was routed then.
        outbox.Clear();

        // The slice's due indices first, so that each call can hint the agents it calls next.
        var due = coordinator.DueCount;
        var mine = _sliceDue[slice];
        if (mine.Length < due)
        {
            mine = _sliceDue[slice] = new int[Math.Max(due, 2 * mine.Length)];
        }

        var count = 0;
        for (var d = 0; d < due; d++)
        {
            if (coordinator.Due(d).Agent % slices == slice)
            {
                mine[count++] = d;
            }
        }

        var i = 0;
        try
        {
            for (var k = 0; k < count; k++)
            {
                i = mine[k];
                Prefetch(coordinator, k + 1 < count ? mine[k + 1] : -1, k + 2 < count ? mine[k + 2] : -1, k + 3 < count ? mine[k + 3] : -1);
                var (a, until) = coordinator.Due(i);
                var agent = Agents[a];
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
        catch (Exception e)
        {
            _failed[slice] = (i, ExceptionDispatchInfo.Capture(e));
        }
    }
}
