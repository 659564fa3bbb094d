using System.Runtime.CompilerServices;

namespace IsdnSim.Kernel.Agents;

/// <summary>A binary min-heap on a plain array of structs; the array is allocated at the first push, as most agents of a large region have few events.</summary>
/// <remarks>
/// A struct held in its owner's field (which must not be readonly, and the heap never copied), so
/// that an agent's call reads the heap's count and array from the owner it already has, not from
/// an object of its own: at 13,000 agents each object on a call's path is a cache miss.
/// </remarks>
internal struct MinHeap<T, TOrder>
    where T : struct
    where TOrder : struct, IHeapOrder<T>
{
    private T[]? _heap;

    public int Count { get; private set; }

    public readonly double PeekTime => Count > 0 ? TOrder.Time(_heap![0]) : double.PositiveInfinity;

    /// <summary>Hints the processor to load the earliest item's first line (<see cref="CacheHints"/>).</summary>
    public readonly void PrefetchTop()
    {
        // An empty heap's array (most agents' message heaps between calls) is not read: the hint
        // reads its length, a line that is seldom in cache.
        if (Count > 0)
        {
            CacheHints.Prefetch(_heap);
        }
    }

    // Marked for inlining, as dynamic PGO inlined it: the command runs with PGO off (Simulation.Runner.csproj),
    // and without a profile the JIT left this and other small methods on a service's path as calls
    // (the orders' comparisons, the event list, the agency's posts: M/M/3 took 1.3 times as long, 1.17-1.23 with the marks).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(in T item)
    {
        if (Count == (_heap?.Length ?? 0))
        {
            Array.Resize(ref _heap, Math.Max(8, Count * 2));
        }

        var heap = _heap!;
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!TOrder.Less(item, heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    /// <summary>The earliest item, left in place (the heap must not be empty).</summary>
    public readonly ref readonly T Peek() => ref _heap![0];

    public T Pop()
    {
        var heap = _heap!;
        var top = heap[0];
        var last = heap[--Count];
        var i = 0;
        var half = Count >> 1;
        while (i < half)
        {
            var child = 2 * i + 1;
            if (child + 1 < Count && TOrder.Less(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!TOrder.Less(heap[child], last))
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        if (Count > 0)
        {
            heap[i] = last;
        }

        return top;
    }
}
