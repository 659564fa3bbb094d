namespace IsdnSim.Kernel.Agents;

/// <summary>First in, first out within each priority; lower priorities are served first.</summary>
internal sealed class PriorityWorkQueue(int levels)
{
    private readonly WorkQueue[] _levels = [.. Enumerable.Range(0, levels).Select(_ => new WorkQueue())];

    public int Count { get; private set; }

    public void Enqueue(in WorkItem item, int level)
    {
        _levels[level].Enqueue(item);
        Count++;
    }

    /// <summary>Takes the next item and lends it where it lay (<see cref="WorkQueue.Take"/>): valid until the next <see cref="Enqueue"/>.</summary>
    public ref readonly WorkItem Take()
    {
        // Most agencies have one level (no priorities): take it without searching.
        var levels = _levels;
        if (levels.Length == 1 && Count > 0)
        {
            Count--;
            return ref levels[0].Take();
        }

        foreach (var queue in levels)
        {
            if (queue.Count > 0)
            {
                Count--;
                return ref queue.Take();
            }
        }

        throw new InvalidOperationException("Take from an empty queue.");
    }
}
