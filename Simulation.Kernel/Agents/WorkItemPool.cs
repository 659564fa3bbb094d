using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// <para>
/// The items' array is all the pool reads (BENCHMARKS.md, twentieth round). At Germany scale an
/// agency's pool is seldom in cache when its agent is called, and each array read first is a wait
/// for memory: the places freed are chained through the freed items themselves (a freed item's
/// <see cref="WorkItem.Serial"/> holds the place freed before it), not kept in an array of their
/// own, and the indexer does not check the index against the array's length (an index is only
/// ever one this pool handed out; debug builds check that). A freed item is not read again.
/// </para>
/// </remarks>
internal struct WorkItemPool
{
    private const int None = -1;

    private WorkItem[] _items = [];

    // The place freed last (None without), whose item holds the one freed before it, and so on.
    private int _free = None;

    // Indices handed out at least once: those below are held or freed.
    private int _used;

    public WorkItemPool()
    {
    }

    /// <summary>Items held (added and not freed).</summary>
    public int Count { get; private set; }

    public ref WorkItem this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert((uint)index < (uint)_used, "An index the pool did not hand out.");
            return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), index);
        }
    }

    /// <summary>Holds a copy of <paramref name="item"/>: its index.</summary>
    public int Add(in WorkItem item)
    {
        var index = Take();
        this[index] = item;
        return index;
    }

    /// <summary>Holds a new item, all zero (cleared in place, without a copy): the item, to be written, and its index.</summary>
    public ref WorkItem AddCleared(out int index)
    {
        index = Take();
        ref var item = ref this[index];
        item = default;
        return ref item;
    }

    /// <summary>The item at <paramref name="index"/> is done with (and not read again): its place is free for another.</summary>
    public void Free(int index)
    {
        this[index].Serial = _free;
        _free = index;
        Count--;
    }

    private int Take()
    {
        int index;
        if (_free != None)
        {
            index = _free;
            _free = this[index].Serial;
        }
        else
        {
            if (_used == _items.Length)
            {
                Array.Resize(ref _items, Math.Max(4, _items.Length * 2));
            }

            index = _used++;
        }

        Count++;
        return index;
    }
}
