namespace IsdnSim.Kernel.Agents;

/// <summary>
/// The work items of one staffed agency, each held in one place from the moment it is queued or
/// started until its service has ended and what follows has read it; the queue and the posts
/// hold indices. A work item is some 200 bytes, and an M/M/c project's item was copied into the
/// queue, onto its post and out again to be finished; now it is written once and read in place.
/// </summary>
/// <remarks>
/// Indices are reused (last freed, first reused) and never reach a result. A reference from the
/// indexer stays readable after a later <see cref="Add"/> grew the array (it points into the old
/// one, whose items do not change), but a write through it would be lost: write through a
/// reference only while nothing is added. A struct, held in place by its agency (<see cref="StaffedAgency.Items"/>):
/// the items' array is one reference away from the agency, not two.
/// </remarks>
internal struct WorkItemPool
{
    private WorkItem[] _items = [];
    private int[] _spare = [];
    private int _spareCount;

    // Indices handed out at least once: those below are in use or spare.
    private int _used;

    public WorkItemPool()
    {
    }

    /// <summary>Items held (added and not freed).</summary>
    public int Count => _used - _spareCount;

    public ref WorkItem this[int index] => ref _items[index];

    /// <summary>Holds a copy of <paramref name="item"/>: its index.</summary>
    public int Add(in WorkItem item)
    {
        var index = Take();
        _items[index] = item;
        return index;
    }

    /// <summary>Holds a new item, all zero (cleared in place, without a copy): the item, to be written, and its index.</summary>
    public ref WorkItem AddCleared(out int index)
    {
        index = Take();
        ref var item = ref _items[index];
        item = default;
        return ref item;
    }

    /// <summary>The item at <paramref name="index"/> is done with: its place is free for another.</summary>
    public void Free(int index) => _spare[_spareCount++] = index;

    private int Take()
    {
        int index;
        if (_spareCount > 0)
        {
            index = _spare[--_spareCount];
        }
        else
        {
            if (_used == _items.Length)
            {
                Grow();
            }

            index = _used++;
        }

        return index;
    }

    private void Grow()
    {
        var size = Math.Max(4, _items.Length * 2);
        Array.Resize(ref _items, size);
        Array.Resize(ref _spare, size);
    }
}
