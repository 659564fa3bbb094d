using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Conservative synchronisation shared by both engines. With T the earliest thing pending
/// anywhere, each agent may safely process everything before its bound: the earliest time a
/// message could still reach it. A predecessor b cannot act before min(next(b), T + least
/// latency into b), so it cannot deliver before that plus the latency of the link. The bound is
/// at least T + lookahead; an agent nobody can reach has no bound and runs ahead (in slices:
/// a window processes at most <see cref="MaxEventsPerWindow"/> events, so no call runs long). Only agents with
/// something due before their bound are called. Messages are routed between windows.
/// </summary>
/// <remarks>
/// A window is planned in place (<see cref="PlanWindow"/>, <see cref="Due"/>, <see cref="Inbox"/>,
/// <see cref="Apply"/>): a large region calls about a million agents per run with one or two events
/// each, so copies and objects per call would cost as much as the events. The in-process engine
/// calls its agents straight from the plan; the Orleans engine packs each group's part of it.
/// </remarks>
public sealed class WindowCoordinator
{
    private readonly double _horizon;
    private readonly double[] _next;

    // Messages for each agent's next call; at planning the called agents' messages move, in call
    // order, into one list for the window (_inboxes, agent i's from _inboxStart[i] on), so what is
    // sent during the window waits for the next one while the inboxes are read in place.
    private readonly Mailboxes _pending;
    private readonly List<Message> _inboxes = [];
    private readonly List<int> _inboxStart = [];
    private readonly double[] _pendingMin;

    // min(_next, _pendingMin) per agent, kept up to date so that a window scans one array.
    private readonly double[] _earliest;

    // Per agent, the two terms of the predecessor b whose MinInLatency(b) + latency is least (an
    // infinite _capIn without predecessors): (t + _capIn) + _capLatency is never below the bound.
    private readonly double[] _capIn;
    private readonly double[] _capLatency;
    private readonly List<int> _dueAgents = [];
    private readonly List<double> _dueBounds = [];

    // MinInLatency per agent, beside the other per-agent arrays the planning scans.
    private readonly double[] _minIn;

    // The bound, taken apart (see Bound). Per agent, its distinct pairs (MinInLatency(b), latency)
    // over all predecessors b, and its predecessors that are hubs (senders to more than DefaultHubSize
    // agents) with their latencies; per agent that is not a hub, the agents it sends to (with the
    // latency). _reach holds, during planning, the least E(b) + latency pushed to each agent.
    private const int DefaultHubSize = 64;
    private readonly int[] _pairStart;
    private readonly double[] _pairIn;
    private readonly double[] _pairLatency;
    private readonly int[] _hubStart;
    private readonly int[] _hubPred;
    private readonly double[] _hubLatency;
    private readonly int[] _succStart;
    private readonly int[] _succ;
    private readonly double[] _succLatency;
    private readonly double[] _reach;
    private readonly List<int> _reached = [];

    // The agents that pass the cheap test of being due (see FindCandidates), in agent order, and
    // per agent whether it is one: only their bounds are computed, so reach is pushed to them alone.
    private readonly List<int> _candidates = [];
    private readonly bool[] _isCandidate;

    public WindowCoordinator(SimulationModel model, long maxEventsPerWindow)
        : this(model, maxEventsPerWindow, DefaultHubSize)
    {
    }

    /// <summary>As the public constructor, with the number of receivers above which a sender counts as a hub (tests vary it).</summary>
    internal WindowCoordinator(SimulationModel model, long maxEventsPerWindow, int hubSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEventsPerWindow);
        _horizon = model.Horizon.Days;
        MaxEventsPerWindow = maxEventsPerWindow;
        var n = model.Agents.Count;
        _next = new double[n];
        _pending = new Mailboxes(n);
        _pendingMin = new double[n];
        _earliest = new double[n];
        Array.Fill(_next, double.PositiveInfinity);
        Array.Fill(_pendingMin, double.PositiveInfinity);
        Array.Fill(_earliest, double.PositiveInfinity);

        // The links depend on the model alone: every replication's coordinator (both engines make
        // one per replication) reads the same arrays, which at Germany scale cost tens of MiB and
        // a pass over all links to build.
        var links = hubSize == DefaultHubSize ? SharedLinks.GetValue(model, m => new Links(m, DefaultHubSize)) : new Links(model, hubSize);
        (_capIn, _capLatency, _minIn) = (links.CapIn, links.CapLatency, links.MinIn);
        (_pairStart, _pairIn, _pairLatency) = (links.PairStart, links.PairIn, links.PairLatency);
        (_hubStart, _hubPred, _hubLatency) = (links.HubStart, links.HubPred, links.HubLatency);
        (_succStart, _succ, _succLatency) = (links.SuccStart, links.Succ, links.SuccLatency);
        _reach = new double[n];
        Array.Fill(_reach, double.PositiveInfinity);
        _isCandidate = new bool[n];
    }

    private static readonly ConditionalWeakTable<SimulationModel, Links> SharedLinks = new();

    /// <summary>The bound's parts that depend on the model alone (see the fields of the same names), read and never written.</summary>
    private sealed class Links
    {
        public Links(SimulationModel model, int hubSize)
        {
            var n = model.Agents.Count;
            (CapIn, CapLatency, MinIn) = (new double[n], new double[n], new double[n]);
            var outDegree = new int[n];
            for (var a = 0; a < n; a++)
            {
                var (capIn, capLatency) = (double.PositiveInfinity, 0.0);
                var preds = model.Predecessors(a);
                var latencies = model.PredecessorLatencies(a);
                for (var k = 0; k < preds.Length; k++)
                {
                    var minIn = model.MinInLatency(preds[k]);
                    if (minIn + latencies[k] < capIn + capLatency)
                    {
                        (capIn, capLatency) = (minIn, latencies[k]);
                    }

                    outDegree[preds[k]]++;
                }

                (CapIn[a], CapLatency[a]) = (capIn, capLatency);
                MinIn[a] = model.MinInLatency(a);
            }

            bool IsHub(int b) => outDegree[b] > hubSize;

            // Each sender that is not a hub gets its receivers in one stretch of Succ, in the
            // order of the receivers (as the lists of receivers this replaced).
            SuccStart = new int[n + 1];
            for (var b = 0; b < n; b++)
            {
                SuccStart[b + 1] = SuccStart[b] + (IsHub(b) ? 0 : outDegree[b]);
            }

            (Succ, SuccLatency) = (new int[SuccStart[n]], new double[SuccStart[n]]);
            var filled = SuccStart[..n];
            var pairs = new List<(double In, double Latency)>();
            var hubs = new List<(int Pred, double Latency)>();
            var distinct = new HashSet<(double, double)>();
            PairStart = new int[n + 1];
            HubStart = new int[n + 1];
            for (var a = 0; a < n; a++)
            {
                PairStart[a] = pairs.Count;
                HubStart[a] = hubs.Count;
                var preds = model.Predecessors(a);
                var latencies = model.PredecessorLatencies(a);
                distinct.Clear();
                for (var k = 0; k < preds.Length; k++)
                {
                    var b = preds[k];
                    if (distinct.Add((model.MinInLatency(b), latencies[k])))
                    {
                        pairs.Add((model.MinInLatency(b), latencies[k]));
                    }

                    if (IsHub(b))
                    {
                        hubs.Add((b, latencies[k]));
                    }
                    else
                    {
                        (Succ[filled[b]], SuccLatency[filled[b]]) = (a, latencies[k]);
                        filled[b]++;
                    }
                }
            }

            PairStart[n] = pairs.Count;
            HubStart[n] = hubs.Count;
            (PairIn, PairLatency) = ([.. pairs.Select(p => p.In)], [.. pairs.Select(p => p.Latency)]);
            (HubPred, HubLatency) = ([.. hubs.Select(h => h.Pred)], [.. hubs.Select(h => h.Latency)]);
        }

        public double[] CapIn { get; }

        public double[] CapLatency { get; }

        public double[] MinIn { get; }

        public int[] PairStart { get; }

        public double[] PairIn { get; }

        public double[] PairLatency { get; }

        public int[] HubStart { get; }

        public int[] HubPred { get; }

        public double[] HubLatency { get; }

        public int[] SuccStart { get; }

        public int[] Succ { get; }

        public double[] SuccLatency { get; }
    }

    /// <summary>Events all agents of one window may process together (at least one each).</summary>
    public long MaxEventsPerWindow { get; }

    /// <summary>The start of the latest window: everything before it is final.</summary>
    public double Now { get; private set; }

    public long Windows { get; private set; }

    public long Calls { get; private set; }

    public long Events { get; private set; }

    public long Messages { get; private set; }

    /// <summary>Agents called in the window planned last (<see cref="PlanWindow()"/>).</summary>
    public int DueCount => _dueAgents.Count;

    /// <summary>Events each agent called in the window planned last may process (at least one).</summary>
    public long Share { get; private set; }

    /// <summary>
    /// Told the window's candidates (in agent order, a superset of the agents it calls) as soon as
    /// the planning has found them, before it pushes reach and takes bounds: a window thread waiting
    /// for the window hints their state meanwhile (<see cref="Runtime.WindowCalls"/>). The list is the
    /// coordinator's own, valid only during the call: copy what is kept.
    /// </summary>
    internal Action<List<int>>? CandidatesFound { get; set; }

    public void SetInitial(int agent, double next)
    {
        _next[agent] = next;
        _earliest[agent] = Math.Min(next, _pendingMin[agent]);
    }

    /// <summary>
    /// Plans the next window in place, for agents on the caller's thread: call <see cref="Due"/>(i)
    /// for i below <see cref="DueCount"/>, in that order, with <see cref="Inbox"/>(i) and
    /// <see cref="Share"/>; false when the horizon is reached. The inboxes stay valid until the next plan.
    /// </summary>
    public bool PlanWindow()
    {
        _dueAgents.Clear();
        _dueBounds.Clear();
        _inboxes.Clear();
        _inboxStart.Clear();
        var earliest = _earliest;
        var t = Least(earliest);
        if (!(t < _horizon))
        {
            Now = _horizon;
            return false;
        }

        Now = t;

        // All bounds first: they read the predecessors' pending messages, which handing out
        // inboxes clears. Computing them in the same loop let an agent run past a message an
        // earlier agent in the order was about to send it.
        // A bound walks all predecessors, and a large region has thousands of agents of which a
        // window calls a few hundred: the walk is skipped where it cannot make the agent due. The
        // bound is at most the horizon and at most (t + MinInLatency(b)) + latency for each
        // predecessor b (every term of its minimum is no larger, floating-point addition being
        // monotone), so an agent whose earliest time is at or past either is not due.
        // Which agents are candidates depends on neither reach nor bounds, so it is settled first and
        // reach is pushed only to them: a sender has up to DefaultHubSize receivers, of which a window
        // considers a few (7 million pushes a Germany replication when every receiver got one).
        FindCandidates(t);
        CandidatesFound?.Invoke(_candidates);
        PushReach(t);
        foreach (var a in _candidates)
        {
            _isCandidate[a] = false;
            var bound = Bound(a, t);
            if (_earliest[a] < bound)
            {
                _dueAgents.Add(a);
                _dueBounds.Add(bound);
            }
        }

        _candidates.Clear();
        foreach (var a in _reached)
        {
            _reach[a] = double.PositiveInfinity;
        }

        _reached.Clear();

        // The event budget is per window, shared by the agents called, so that a window of many
        // agents that may each run far ahead is no longer than a window of one.
        Share = Math.Max(1, MaxEventsPerWindow / Math.Max(1, _dueAgents.Count));
        foreach (var a in _dueAgents)
        {
            // Most agents called have nothing pending (they are called for their own events): their
            // mailboxes are not read. Nothing is pending exactly when the least pending delivery is
            // infinite, deliveries being finite.
            _inboxStart.Add(_inboxes.Count);
            if (!double.IsPositiveInfinity(_pendingMin[a]))
            {
                _pending.MoveTo(a, _inboxes);
                _pendingMin[a] = double.PositiveInfinity;
            }

            earliest[a] = _next[a];
        }

        _inboxStart.Add(_inboxes.Count);

        Windows++;
        Calls += _dueAgents.Count;
        return true;
    }

    /// <summary>
    /// Finds, in agent order, the agents that may have something due before their bound: those whose
    /// earliest time e is before the horizon and not at or past (t + _capIn) + _capLatency (the bound
    /// is never above that). The test runs four agents at a time (the same additions and comparisons
    /// lane by lane, so the same agents), as it reads every agent every window.
    /// </summary>
    private void FindCandidates(double t)
    {
        var earliest = _earliest;
        var n = earliest.Length;
        var a = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var horizon = Vector256.Create(_horizon);
            var tv = Vector256.Create(t);
            ref var e0 = ref MemoryMarshal.GetArrayDataReference(earliest);
            ref var in0 = ref MemoryMarshal.GetArrayDataReference(_capIn);
            ref var lat0 = ref MemoryMarshal.GetArrayDataReference(_capLatency);
            for (; a <= n - Vector256<double>.Count; a += Vector256<double>.Count)
            {
                var e = Vector256.LoadUnsafe(ref e0, (nuint)a);
                var cap = (tv + Vector256.LoadUnsafe(ref in0, (nuint)a)) + Vector256.LoadUnsafe(ref lat0, (nuint)a);
                var mask = Vector256.AndNot(Vector256.LessThan(e, horizon), Vector256.GreaterThanOrEqual(e, cap)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    Candidate(a + BitOperations.TrailingZeroCount(mask));
                    mask &= mask - 1;
                }
            }
        }

        for (; a < n; a++)
        {
            var e = earliest[a];
            if (e < _horizon && !(e >= (t + _capIn[a]) + _capLatency[a]))
            {
                Candidate(a);
            }
        }
    }

    private void Candidate(int a)
    {
        _candidates.Add(a);
        _isCandidate[a] = true;
    }

    /// <summary>The least of <paramref name="values"/> (+infinity if none), four at a time: every window reads every agent's earliest time.</summary>
    internal static double Least(double[] values)
    {
        var least = double.PositiveInfinity;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<double>.Count)
        {
            ref var v0 = ref MemoryMarshal.GetArrayDataReference(values);
            var lanes = Vector256.Create(double.PositiveInfinity);
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                lanes = Vector256.Min(lanes, Vector256.LoadUnsafe(ref v0, (nuint)i));
            }

            for (var k = 0; k < Vector256<double>.Count; k++)
            {
                least = Math.Min(least, lanes.GetElement(k));
            }
        }

        for (; i < values.Length; i++)
        {
            least = Math.Min(least, values[i]);
        }

        return least;
    }

    /// <summary>The i-th agent called in the window planned last, and the time before which it processes everything.</summary>
    public (int Agent, double Until) Due(int i) => (_dueAgents[i], _dueBounds[i]);

    /// <summary>The messages for the i-th agent called in the window planned last, valid until the next plan.</summary>
    public ReadOnlySpan<Message> Inbox(int i) => CollectionsMarshal.AsSpan(_inboxes)[_inboxStart[i].._inboxStart[i + 1]];

    /// <summary>Takes one agent's answer: its next event time, the events it processed and the messages it sent (read, not kept).</summary>
    public void Apply(int agent, double next, long events, ReadOnlySpan<Message> outbox)
    {
        _next[agent] = next;
        _earliest[agent] = Math.Min(next, _pendingMin[agent]);
        Events += events;
        Messages += outbox.Length;
        foreach (ref readonly var m in outbox)
        {
            _pending.Add(m);
            _pendingMin[m.To] = Math.Min(_pendingMin[m.To], m.Delivery);
            _earliest[m.To] = Math.Min(_earliest[m.To], m.Delivery);
        }
    }

    /// <summary>
    /// For the agents that are not hubs and may act before anything can reach them (E(b) below
    /// t + MinInLatency(b)), pushes E(b) + latency to every candidate they send to (see Bound).
    /// </summary>
    private void PushReach(double t)
    {
        // Which agents push is tested four at a time (lane by lane the same sum and comparison),
        // as it reads every agent every window; the pushes themselves go in agent order.
        var earliest = _earliest;
        var n = earliest.Length;
        var b = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var tv = Vector256.Create(t);
            ref var e0 = ref MemoryMarshal.GetArrayDataReference(earliest);
            ref var in0 = ref MemoryMarshal.GetArrayDataReference(_minIn);
            for (; b <= n - Vector256<double>.Count; b += Vector256<double>.Count)
            {
                var mask = Vector256.LessThan(Vector256.LoadUnsafe(ref e0, (nuint)b), tv + Vector256.LoadUnsafe(ref in0, (nuint)b)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var pusher = b + BitOperations.TrailingZeroCount(mask);
                    Push(pusher, earliest[pusher]);
                    mask &= mask - 1;
                }
            }
        }

        for (; b < n; b++)
        {
            if (earliest[b] < t + _minIn[b])
            {
                Push(b, earliest[b]);
            }
        }
    }

    private void Push(int b, double e)
    {
        for (var k = _succStart[b]; k < _succStart[b + 1]; k++)
        {
            var to = _succ[k];
            if (!_isCandidate[to])
            {
                continue;
            }

            var reach = e + _succLatency[k];
            if (reach < _reach[to])
            {
                if (double.IsPositiveInfinity(_reach[to]))
                {
                    _reached.Add(to);
                }

                _reach[to] = reach;
            }
        }
    }

    /// <summary>
    /// The least over the predecessors b of min(E(b), t + MinInLatency(b)) + latency, and the
    /// horizon. Walking all predecessors made a window cost as much as the region (a national
    /// operator hears from every municipality), so the minimum is taken in parts that give the
    /// same value: a term is min(E(b) + latency, (t + MinInLatency(b)) + latency), floating-point
    /// addition being monotone. The second part depends only on the pair (MinInLatency(b),
    /// latency), of which an agent has few. The first matters only where it is the smaller, where
    /// E(b) is below t + MinInLatency(b), which few agents are in a window: those push it to whom
    /// they send (PushReach), except hubs, whose terms their receivers read directly.
    /// </summary>
    private double Bound(int agent, double t)
    {
        var bound = Math.Min(_horizon, _reach[agent]);
        for (var k = _pairStart[agent]; k < _pairStart[agent + 1]; k++)
        {
            bound = Math.Min(bound, (t + _pairIn[k]) + _pairLatency[k]);
        }

        for (var k = _hubStart[agent]; k < _hubStart[agent + 1]; k++)
        {
            var b = _hubPred[k];
            bound = Math.Min(bound, Math.Min(_earliest[b], t + _minIn[b]) + _hubLatency[k]);
        }

        return bound;
    }
}
