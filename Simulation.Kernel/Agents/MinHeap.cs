namespace IsdnSim.Kernel.Agents;

/// <summary>A binary min-heap on a plain array of structs; the array is allocated at the first push, as most agents of a large region have few events.</summary>
internal sealed class MinHeap<T, TOrder>
    where T : struct
    where TOrder : struct, IHeapOrder<T>
{
    private T[] _heap = [];

    public int Count { get; private set; }

    public double PeekTime => Count > 0 ? TOrder.Time(_heap[0]) : double.PositiveInfinity;

    public void Push(in T item)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, Math.Max(8, _heap.Length * 2));
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!TOrder.Less(item, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = item;
    }

    public T Pop()
    {
        var top = _heap[0];
        var last = _heap[--Count];
        var i = 0;
        var half = Count >> 1;
        while (i < half)
        {
            var child = 2 * i + 1;
            if (child + 1 < Count && TOrder.Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!TOrder.Less(_heap[child], last))
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        if (Count > 0)
        {
            _heap[i] = last;
        }

        return top;
    }
}
