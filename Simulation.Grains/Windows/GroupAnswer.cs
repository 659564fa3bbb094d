using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Grains.Windows;

/// <summary>
/// What a group's agents did in one window, in the order they were called (<see cref="GroupWindow"/>):
/// each one's next event time, the events it processed, the messages it sent and, when traced,
/// what it did. Packed like the window; a group keeps one and refills it every call, which its
/// coordinator reads before it calls the group again.
/// </summary>
public sealed class GroupAnswer
{
    private readonly PackedSpans<Message> _outboxes;
    private readonly PackedSpans<TraceEvent> _traces;
    private double[] _next;
    private long[] _events;

    public GroupAnswer()
    {
        _outboxes = new PackedSpans<Message>();
        _traces = new PackedSpans<TraceEvent>();
        _next = [];
        _events = [];
    }

    private GroupAnswer(double[] next, long[] events, PackedSpans<Message> outboxes, PackedSpans<TraceEvent> traces)
    {
        if (next.Length != events.Length || next.Length != outboxes.Count || next.Length != traces.Count)
        {
            throw new ArgumentException($"A group's answer needs as many event counts ({events.Length}), outboxes ({outboxes.Count}) and traces ({traces.Count}) as next times ({next.Length}).");
        }

        (_next, _events, _outboxes, _traces, Count) = (next, events, outboxes, traces, next.Length);
    }

    /// <summary>Agents answering.</summary>
    public int Count { get; private set; }

    /// <summary>Each agent's next event time.</summary>
    public ReadOnlySpan<double> Next => _next.AsSpan(0, Count);

    /// <summary>The events each agent processed.</summary>
    public ReadOnlySpan<long> Events => _events.AsSpan(0, Count);

    /// <summary>The messages each agent sent, to be routed.</summary>
    public PackedSpans<Message> Outboxes => _outboxes;

    /// <summary>What each agent traced (all empty when the run is not traced).</summary>
    public PackedSpans<TraceEvent> Traces => _traces;

    /// <summary>An answer put together from its parts (when it crossed a silo boundary).</summary>
    public static GroupAnswer Of(double[] next, long[] events, PackedSpans<Message> outboxes, PackedSpans<TraceEvent> traces) => new(next, events, outboxes, traces);

    /// <summary>Empties the answer for the next window.</summary>
    public void Clear()
    {
        _outboxes.Clear();
        _traces.Clear();
        Count = 0;
    }

    /// <summary>Adds the next agent's answer (in the order of the window's agents).</summary>
    public void Add(double next, long events, ReadOnlySpan<Message> outbox, ReadOnlySpan<TraceEvent> trace)
    {
        if (Count == _next.Length)
        {
            var size = Math.Max(4, 2 * Count);
            Array.Resize(ref _next, size);
            Array.Resize(ref _events, size);
        }

        _next[Count] = next;
        _events[Count] = events;
        _outboxes.Add(outbox);
        _traces.Add(trace);
        Count++;
    }
}
