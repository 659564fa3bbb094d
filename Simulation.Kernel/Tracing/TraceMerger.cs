namespace IsdnSim.Kernel.Tracing;

/// <summary>
/// Puts the agents' trace events into one order (time, agent, the agent's own order) while the run
/// goes. After a window is planned at time t, nothing can happen before t any more (messages take
/// at least the lookahead, and every agent has done everything before its bound), so every event
/// before t can be written. Agents that run ahead leave their later events here until then.
/// </summary>
public sealed class TraceMerger
{
    private readonly PriorityQueue<TraceEvent, TraceEvent> _pending = new(Comparer<TraceEvent>.Create(static (x, y) => TraceEvent.Compare(x, y)));

    public int Pending => _pending.Count;

    public void Add(ReadOnlySpan<TraceEvent> events)
    {
        foreach (var e in events)
        {
            _pending.Enqueue(e, e);
        }
    }

    /// <summary>Takes out, in order, every event before <paramref name="time"/> (everything for +infinity).</summary>
    public TraceEvent[] Before(double time)
    {
        var ready = new List<TraceEvent>();
        while (_pending.TryPeek(out var e, out _) && e.Time < time)
        {
            ready.Add(_pending.Dequeue());
        }

        return [.. ready];
    }
}

/// <summary>Where a traced replication's events go, in order, while it runs.</summary>
public interface ITraceSink
{
    /// <summary>Writes events; may throw <see cref="TraceLimitException"/> when the trace has grown too large.</summary>
    void Write(ReadOnlySpan<TraceEvent> events);
}

/// <summary>The trace reached its size limit; the run stops there.</summary>
public sealed class TraceLimitException(string message) : Exception(message);
