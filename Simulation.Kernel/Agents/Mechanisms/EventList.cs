using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Agents.Events;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>An agent's future events, earliest first; at equal times in the order they were scheduled.</summary>
internal sealed class EventList
{
    // A struct, in place (see MinHeap): not readonly, so that calls change this field and not a copy.
    private MinHeap<ScheduledEvent, EventOrder> _heap;
    private long _sequence;

    public double PeekTime
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _heap.PeekTime;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Schedule(double time, EventBody body) => _heap.Push(new ScheduledEvent(time, _sequence++, body));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ScheduledEvent Pop() => _heap.Pop();

    /// <summary>Hints the processor to load the earliest event's first line (<see cref="CacheHints"/>).</summary>
    public void PrefetchTop() => _heap.PrefetchTop();
}
