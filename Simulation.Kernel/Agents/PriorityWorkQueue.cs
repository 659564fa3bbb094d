namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Indices of work items (<see cref="WorkItemPool"/>): first in, first out within each priority;
/// lower priorities are served first.
/// </summary>
internal sealed class PriorityWorkQueue(int levels)
{
    private readonly WorkQueue<int>[] _levels = [.. Enumerable.Range(0, levels).Select(_ => new WorkQueue<int>())];

    public int Count { get; private set; }

    public void Enqueue(int item, int level)
    {
        _levels[level].Enqueue(item);
        Count++;
    }

    public int Take()
    {
        // Most agencies have one level (no priorities): take it without searching.
        var levels = _levels;
        if (levels.Length == 1 && Count > 0)
        {
            Count--;
            return levels[0].Take();
        }

        foreach (var queue in levels)
        {
            if (queue.Count > 0)
            {
                Count--;
                return queue.Take();
            }
        }

        throw new InvalidOperationException("Take from an empty queue.");
    }
}
