namespace IsdnSim.Kernel.Agents;

/// <summary>
/// A first-in, first-out ring buffer of work items, allocated at the first item (most queues of a
/// large region stay empty). Its capacity is a power of two, so a position wraps with a mask
/// instead of a division: a queue of an M/M/c agency is entered and left once per project.
/// </summary>
internal sealed class WorkQueue
{
    private WorkItem[] _items = [];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(in WorkItem item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count) & (_items.Length - 1)] = item;
        Count++;
    }

    public ref readonly WorkItem Peek() => ref _items[_head];

    public WorkItem Dequeue() => Take();

    /// <summary>
    /// Takes the first item and lends it where it lay, to be copied once instead of twice: the
    /// reference is valid until the next <see cref="Enqueue"/>.
    /// </summary>
    public ref readonly WorkItem Take()
    {
        ref readonly var item = ref _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return ref item;
    }

    private void Grow()
    {
        var bigger = new WorkItem[Math.Max(8, _items.Length * 2)];
        for (var i = 0; i < Count; i++)
        {
            bigger[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = bigger;
        _head = 0;
    }
}
