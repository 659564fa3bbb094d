namespace IsdnSim.Kernel.Agents;

/// <summary>
/// A first-in, first-out ring buffer, allocated at the first item (most queues of a large region
/// stay empty). Its capacity is a power of two, so a position wraps with a mask instead of a
/// division: a queue of an M/M/c agency is entered and left once per project. A staffed agency
/// queues the indices of its work items (<see cref="WorkItemPool"/>), a council the items.
/// </summary>
internal sealed class WorkQueue<T>
    where T : struct
{
    private T[] _items = [];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(in T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count) & (_items.Length - 1)] = item;
        Count++;
    }

    public ref readonly T Peek() => ref _items[_head];

    public T Dequeue() => Take();

    /// <summary>
    /// Takes the first item and lends it where it lay, to be copied once instead of twice: the
    /// reference is valid until the next <see cref="Enqueue"/>.
    /// </summary>
    public ref readonly T Take()
    {
        ref readonly var item = ref _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return ref item;
    }

    private void Grow()
    {
        var bigger = new T[Math.Max(8, _items.Length * 2)];
        for (var i = 0; i < Count; i++)
        {
            bigger[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = bigger;
        _head = 0;
    }
}
