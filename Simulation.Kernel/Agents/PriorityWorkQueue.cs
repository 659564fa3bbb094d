namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Indices of work items (<see cref="WorkItemPool"/>): first in, first out within each priority;
/// lower priorities are served first. A struct, held in place by its agency; the first priority's
/// queue is a field of its own, so that an agency without priorities (most) reaches its queue
/// without an array of levels in between, and has none.
/// </summary>
internal struct PriorityWorkQueue
{
    private readonly WorkQueue<int> _first = new();

    // The priorities after the first, or null with one level.
    private readonly WorkQueue<int>[]? _rest;

    public PriorityWorkQueue(int levels)
    {
        _rest = levels > 1 ? [.. Enumerable.Range(1, levels - 1).Select(_ => new WorkQueue<int>())] : null;
    }

    public int Count { get; private set; }

    public void Enqueue(int item, int level)
    {
        (level == 0 ? _first : _rest![level - 1]).Enqueue(item);
        Count++;
    }

    public int Take()
    {
        if (Count > 0)
        {
            if (_first.Count > 0)
            {
                Count--;
                return _first.Take();
            }

            foreach (var queue in _rest ?? [])
            {
                if (queue.Count > 0)
                {
                    Count--;
                    return queue.Take();
                }
            }
        }

        throw new InvalidOperationException("Take from an empty queue.");
    }
}
