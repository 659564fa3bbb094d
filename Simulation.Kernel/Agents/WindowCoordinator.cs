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
public sealed class WindowCoordinator
{
    private readonly SimulationModel _model;
    private readonly double _horizon;
    private readonly double[] _next;
    private readonly List<Message>[] _pending;
    private readonly double[] _pendingMin;
    private readonly double[] _bounds;

    public WindowCoordinator(SimulationModel model, long maxEventsPerWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEventsPerWindow);
        _model = model;
        _horizon = model.Horizon.Days;
        MaxEventsPerWindow = maxEventsPerWindow;
        var n = model.Agents.Count;
        _next = new double[n];
        _pending = new List<Message>[n];
        _pendingMin = new double[n];
        _bounds = new double[n];
        Array.Fill(_next, double.PositiveInfinity);
        Array.Fill(_pendingMin, double.PositiveInfinity);
    }

    /// <summary>Events all agents of one window may process together (at least one each).</summary>
    public long MaxEventsPerWindow { get; }

    /// <summary>The start of the latest window: everything before it is final.</summary>
    public double Now { get; private set; }

    public long Windows { get; private set; }

    public long Calls { get; private set; }

    public long Events { get; private set; }

    public long Messages { get; private set; }

    public void SetInitial(int agent, double next) => _next[agent] = next;

    /// <summary>Plans the next window into <paramref name="calls"/>, in agent order; false when the horizon is reached.</summary>
    public bool PlanWindow(List<AgentCall> calls)
    {
        calls.Clear();
        var n = _next.Length;
        var t = double.PositiveInfinity;
        for (var a = 0; a < n; a++)
        {
            t = Math.Min(t, Earliest(a));
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
        for (var a = 0; a < n; a++)
        {
            _bounds[a] = double.IsPositiveInfinity(Earliest(a)) ? double.NegativeInfinity : Bound(a, t);
        }

        var due = 0;
        for (var a = 0; a < n; a++)
        {
            due += Earliest(a) < _bounds[a] ? 1 : 0;
        }

        // The event budget is per window, shared by the agents called, so that a window of many
        // agents that may each run far ahead is no longer than a window of one.
        var share = Math.Max(1, MaxEventsPerWindow / Math.Max(1, due));
        for (var a = 0; a < n; a++)
        {
            if (Earliest(a) < _bounds[a])
            {
                var inbox = _pending[a] is { Count: > 0 } p ? p.ToArray() : [];
                _pending[a]?.Clear();
                _pendingMin[a] = double.PositiveInfinity;
                calls.Add(new AgentCall(a, _bounds[a], inbox, share));
            }
        }

        Windows++;
        Calls += calls.Count;
        return true;
    }

    /// <summary>Takes one agent's answer. The order of answers does not matter: receivers sort their messages.</summary>
    public void Apply(int agent, AdvanceResult result)
    {
        _next[agent] = result.Next;
        Events += result.Events;
        Messages += result.Outbox.Length;
        foreach (var m in result.Outbox)
        {
            (_pending[m.To] ??= []).Add(m);
            _pendingMin[m.To] = Math.Min(_pendingMin[m.To], m.Delivery);
        }
    }

    private double Earliest(int agent) => Math.Min(_next[agent], _pendingMin[agent]);

    private double Bound(int agent, double t)
    {
        var bound = _horizon;
        var preds = _model.Predecessors(agent);
        var latencies = _model.PredecessorLatencies(agent);
        for (var k = 0; k < preds.Length; k++)
        {
            var b = preds[k];
            var earliestAction = Math.Min(Earliest(b), t + _model.MinInLatency(b));
            bound = Math.Min(bound, earliestAction + latencies[k]);
        }

        return bound;
    }
}
