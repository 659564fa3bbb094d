using System.Runtime.InteropServices;
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
/// A window is planned either into <see cref="AgentCall"/>s that carry their inbox (for agents
/// elsewhere: <see cref="PlanWindow(List{AgentCall})"/>, <see cref="Apply(int, AdvanceResult)"/>) or, for
/// agents on the caller's thread, in place (<see cref="PlanWindow()"/>, <see cref="Due"/>,
/// <see cref="Inbox"/>, <see cref="Apply(int, double, long, ReadOnlySpan{Message})"/>): a large region
/// calls about a million agents per run with one or two events each, so the copies and objects
/// per call cost as much as the events. Both plan the same windows.
/// </remarks>
public sealed class WindowCoordinator
{
    private readonly SimulationModel _model;
    private readonly double _horizon;
    private readonly double[] _next;

    // Messages for each agent's next call; at planning they move to _inbox (the lists swap), so
    // what is sent during the window waits for the next one while the inbox is read in place.
    private readonly List<Message>?[] _pending;
    private readonly List<Message>?[] _inbox;
    private readonly double[] _pendingMin;

    // min(_next, _pendingMin) per agent, kept up to date so that a window scans one array.
    private readonly double[] _earliest;

    // Per agent, the two terms of the predecessor b whose MinInLatency(b) + latency is least (an
    // infinite _capIn without predecessors): (t + _capIn) + _capLatency is never below the bound.
    private readonly double[] _capIn;
    private readonly double[] _capLatency;
    private readonly List<int> _dueAgents = [];
    private readonly List<double> _dueBounds = [];

    public WindowCoordinator(SimulationModel model, long maxEventsPerWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEventsPerWindow);
        _model = model;
        _horizon = model.Horizon.Days;
        MaxEventsPerWindow = maxEventsPerWindow;
        var n = model.Agents.Count;
        _next = new double[n];
        _pending = new List<Message>?[n];
        _inbox = new List<Message>?[n];
        _pendingMin = new double[n];
        _earliest = new double[n];
        _capIn = new double[n];
        _capLatency = new double[n];
        Array.Fill(_next, double.PositiveInfinity);
        Array.Fill(_pendingMin, double.PositiveInfinity);
        Array.Fill(_earliest, double.PositiveInfinity);
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
            }

            (_capIn[a], _capLatency[a]) = (capIn, capLatency);
        }
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

    public void SetInitial(int agent, double next)
    {
        _next[agent] = next;
        _earliest[agent] = Math.Min(next, _pendingMin[agent]);
    }

    /// <summary>Plans the next window into <paramref name="calls"/>, in agent order; false when the horizon is reached.</summary>
    public bool PlanWindow(List<AgentCall> calls)
    {
        calls.Clear();
        if (!PlanWindow())
        {
            return false;
        }

        for (var i = 0; i < _dueAgents.Count; i++)
        {
            var (agent, until) = Due(i);
            calls.Add(new AgentCall(agent, until, Inbox(i).ToArray(), Share));
        }

        return true;
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
        var earliest = _earliest;
        var n = earliest.Length;
        var t = double.PositiveInfinity;
        for (var a = 0; a < n; a++)
        {
            t = Math.Min(t, earliest[a]);
        }

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
        for (var a = 0; a < n; a++)
        {
            var e = earliest[a];
            if (!(e < _horizon) || e >= (t + _capIn[a]) + _capLatency[a])
            {
                continue;
            }

            var bound = Bound(a, t);
            if (e < bound)
            {
                _dueAgents.Add(a);
                _dueBounds.Add(bound);
            }
        }

        // The event budget is per window, shared by the agents called, so that a window of many
        // agents that may each run far ahead is no longer than a window of one.
        Share = Math.Max(1, MaxEventsPerWindow / Math.Max(1, _dueAgents.Count));
        foreach (var a in _dueAgents)
        {
            var taken = _pending[a];
            _pending[a] = _inbox[a];
            _pending[a]?.Clear();
            _inbox[a] = taken;
            _pendingMin[a] = double.PositiveInfinity;
            earliest[a] = _next[a];
        }

        Windows++;
        Calls += _dueAgents.Count;
        return true;
    }

    /// <summary>The i-th agent called in the window planned last, and the time before which it processes everything.</summary>
    public (int Agent, double Until) Due(int i) => (_dueAgents[i], _dueBounds[i]);

    /// <summary>The messages for the i-th agent called in the window planned last, valid until the next plan.</summary>
    public ReadOnlySpan<Message> Inbox(int i) => _inbox[_dueAgents[i]] is { } inbox ? CollectionsMarshal.AsSpan(inbox) : [];

    /// <summary>Takes one agent's answer. The order of answers does not matter: receivers sort their messages.</summary>
    public void Apply(int agent, AdvanceResult result) => Apply(agent, result.Next, result.Events, result.Outbox);

    /// <summary>Takes one agent's answer: its next event time, the events it processed and the messages it sent (read, not kept).</summary>
    public void Apply(int agent, double next, long events, ReadOnlySpan<Message> outbox)
    {
        _next[agent] = next;
        _earliest[agent] = Math.Min(next, _pendingMin[agent]);
        Events += events;
        Messages += outbox.Length;
        foreach (ref readonly var m in outbox)
        {
            (_pending[m.To] ??= []).Add(m);
            _pendingMin[m.To] = Math.Min(_pendingMin[m.To], m.Delivery);
            _earliest[m.To] = Math.Min(_earliest[m.To], m.Delivery);
        }
    }

    private double Bound(int agent, double t)
    {
        var bound = _horizon;
        var preds = _model.Predecessors(agent);
        var latencies = _model.PredecessorLatencies(agent);
        for (var k = 0; k < preds.Length; k++)
        {
            var b = preds[k];
            var earliestAction = Math.Min(_earliest[b], t + _model.MinInLatency(b));
            bound = Math.Min(bound, earliestAction + latencies[k]);
        }

        return bound;
    }
}
