using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// An agency during a run: c staff (servers), a FIFO or priority queue, an optional intake
/// window in which it accepts new items, and the integrals behind its figures. A slot is a post:
/// with absence (<see cref="AbsenceDefinition"/>) a post can be away, and then takes no work and
/// holds its file paused until it is back (<see cref="Withdraw"/>, <see cref="Reinstate"/>).
/// </summary>
internal sealed class StaffedAgency
{
    // Per post, the file it holds and its generation, side by side: a service's end reads both.
    private readonly Post[] _posts;
    private readonly int[] _free;

    // With absence only (null without): which posts are away and what became of their files.
    private readonly PostAbsence? _absence;
    private int _awayCount;

    // Files started and waiting: paused on a post that is away, or handed over to the colleagues.
    private int _pausedCount;
    // Structs, in place (see MinHeap): not readonly, so that calls change these fields and not copies.
    private YearlyIntegrals _integrals;
    private WorkItemPool _items = new();
    private PriorityWorkQueue _queue;
    private Queue<WorkItem>? _held;
    private readonly WorkCalendar _calendar;
    private readonly DateOnly _start;
    private readonly double _warmup;
    private int _freeCount;
    private double _waitSum;
    private long _arrived;
    private long _started;
    private long _done;

    // The model's figures that every service reads, kept here: the model object was made with the
    // model, far from this agency's state, and seldom in cache at Germany scale (BENCHMARKS.md, twentieth round).
    private readonly int _staff;
    private readonly bool _priorities;
    private readonly IntakeDefinition? _intake;

    public StaffedAgency(AgencyModel model, WorkCalendar calendar, double[] yearStarts, DateOnly start, double warmup)
    {
        Model = model;
        (_staff, _priorities, _intake, Productivity) = (model.Staff, model.PriorityQueue, model.Intake, model.Productivity);
        _calendar = calendar;
        _start = start;
        _warmup = warmup;
        _integrals = new YearlyIntegrals(calendar, yearStarts, warmup);
        _posts = new Post[model.Staff];
        _free = new int[model.Staff];
        for (var i = 0; i < model.Staff; i++)
        {
            _free[i] = model.Staff - 1 - i;
        }

        _freeCount = model.Staff;
        _absence = model.Absence is null ? null : new PostAbsence(model.Staff);

        _queue = new PriorityWorkQueue(model.PriorityQueue ? 10 : 1);
    }

    public AgencyModel Model { get; }

    /// <summary>The model's <see cref="AgencyModel.Productivity"/>.</summary>
    public double Productivity { get; }

    /// <summary>The indices of the items waiting, in Items.</summary>
    public ref PriorityWorkQueue Queue => ref _queue;

    /// <summary>The items queued and in service (and just finished, until what follows has read them).</summary>
    public ref WorkItemPool Items => ref _items;

    /// <summary>Items that arrived outside the intake window, waiting for it to open.</summary>
    public Queue<WorkItem> Held => _held ??= new();

    public bool OpeningScheduled { get; set; }

    public bool HasFreeStaff => _freeCount > 0;

    // The small methods below on a service's path (Busy, Waiting, Occupy, Started, Release) are
    // marked for inlining, as dynamic PGO inlined them (see MinHeap.Push).

    /// <summary>Posts at work: neither free nor away.</summary>
    public int Busy
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _staff - _freeCount - _awayCount;
    }

    /// <summary>Items waiting here: queued, held for the intake window, paused on a post that is away, or handed over.</summary>
    public int Waiting
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _queue.Count + (_held?.Count ?? 0) + _pausedCount;
    }

    /// <summary>Posts whose holder is present and that are filled.</summary>
    public int Present => _staff - _awayCount;

    public void Observe(double t) => _integrals.Observe(t, Waiting, Busy, _awayCount);

    /// <summary>The generation of a post's service: a ServiceEnd of another generation is stale.</summary>
    public int Generation(int post) => _posts[post].Generation;

    /// <summary>Files whose holder left wait for the next colleague free, ahead of the queue.</summary>
    public bool HasHandedOver => _absence is { HasHandedOver: true };

    /// <summary>Calendar days the file now in service at <paramref name="post"/> waited since it was started (0 without absence).</summary>
    public double Paused(int post) => _absence is null ? 0 : _absence.Paused(post);

    /// <summary>Counts an item arriving at <paramref name="t"/>, if after the warm-up (as all counts here).</summary>
    public void CountArrival(double t)
    {
        if (t >= _warmup)
        {
            _arrived++;
        }
    }

    public int Level(in WorkItem item) => _priorities ? item.Priority : 0;

    /// <summary>
    /// Puts the item at <paramref name="index"/> in Items into service (staff must be free):
    /// returns its slot, and the item to finish setting up in place (<see cref="Started"/> when
    /// done), before anything is added to Items.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref WorkItem Occupy(int index, out int slot)
    {
        slot = _free[--_freeCount];
        _posts[slot].Item = index;
        return ref Items[index];
    }

    /// <summary>The item in <paramref name="slot"/> started at <paramref name="t"/> (its <see cref="WorkItem.Start"/>): counted, and its stint begins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Started(int slot, double t)
    {
        ref readonly var item = ref Items[_posts[slot].Item];
        _absence?.StartFresh(slot, t);
        if (item.Start >= _warmup)
        {
            _waitSum += item.Start - item.Ready;
            _started++;
        }
    }

    /// <summary>An item leaves the queue without work (a legal fiction decided its step): counted as done, as it is gone.</summary>
    public void Drop(double t)
    {
        if (t >= _warmup)
        {
            _done++;
        }
    }

    /// <summary>
    /// The post falls away at <paramref name="t"/> (its holder absent, or it fell vacant): an idle
    /// post leaves the free ones; a busy one keeps its file, paused with the work done so far, and
    /// its scheduled end becomes stale.
    /// </summary>
    public void Withdraw(int post, double t)
    {
        var absence = _absence!;
        _awayCount++;
        var free = Array.IndexOf(_free, post, 0, _freeCount);
        if (free >= 0)
        {
            // Keep the order of the others, so which post takes the next file does not depend on this.
            Array.Copy(_free, free + 1, _free, free, _freeCount - free - 1);
            _freeCount--;
            return;
        }

        absence.Pause(post, t, (_calendar.WorkTimeAt(t) - _calendar.WorkTimeAt(absence.StintStart(post))) * Productivity);
        _posts[post].Generation++;
        _pausedCount++;
    }

    /// <summary>The holder of a post that is away left: its paused file, if any, is handed over to the colleagues (true).</summary>
    public bool TryHandOver(int post)
    {
        if (!_absence!.HoldsPaused(post))
        {
            return false;
        }

        _absence.HandOver(post, Items[_posts[post].Item]);
        Items.Free(_posts[post].Item);
        return true;
    }

    /// <summary>The oldest handed-over file, which a colleague takes next.</summary>
    public WorkItem NextHandedOver => _absence!.NextHandedOver;

    /// <summary>The oldest handed-over file leaves without work (a legal fiction decided its step).</summary>
    public void DiscardHandedOver()
    {
        _absence!.DiscardHandedOver();
        _pausedCount--;
    }

    /// <summary>A colleague free takes the oldest handed-over file at <paramref name="t"/>: its slot, the file, the effort left.</summary>
    public int TakeOver(double t, out WorkItem item, out double remaining)
    {
        var slot = _free[--_freeCount];
        item = _absence!.TakeOver(slot, t, out remaining);
        _posts[slot].Item = Items.Add(item);
        _pausedCount--;
        return slot;
    }

    /// <summary>
    /// The post is back at <paramref name="t"/>: with a paused file it carries on with it (true,
    /// with the work left in <paramref name="remaining"/>), else it joins the free posts.
    /// </summary>
    public bool Reinstate(int post, double t, out double remaining)
    {
        var absence = _absence!;
        _awayCount--;
        if (!absence.HoldsPaused(post))
        {
            _free[_freeCount++] = post;
            remaining = 0;
            return false;
        }

        _pausedCount--;
        remaining = absence.Resume(post, t, Items[_posts[post].Item].Effort);
        return true;
    }

    /// <summary>
    /// The service at <paramref name="slot"/> ended: the post is free again. Returns the index in
    /// Items of the finished item, which stays there until the caller frees it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Release(int slot, double t)
    {
        _free[_freeCount++] = slot;
        if (t >= _warmup)
        {
            _done++;
        }

        return _posts[slot].Item;
    }

    /// <summary>Whether the intake window (if any) is open on the day of <paramref name="t"/>.</summary>
    public bool Accepts(double t)
    {
        if (_intake is not { } w)
        {
            return true;
        }

        var date = _start.AddDays((int)Math.Floor(t));
        var md = date.Month * 100 + date.Day;
        var opens = w.OpensMonth * 100 + w.OpensDay;
        var closes = w.ClosesMonth * 100 + w.ClosesDay;
        return opens <= closes ? md >= opens && md <= closes : md >= opens || md <= closes;
    }

    /// <summary>Midnight of the next day the intake window opens after <paramref name="t"/>.</summary>
    public double NextOpening(double t)
    {
        var w = _intake!;
        var date = _start.AddDays((int)Math.Floor(t));
        for (var year = date.Year; ; year++)
        {
            var opening = new DateOnly(year, w.OpensMonth, Math.Min(w.OpensDay, DateTime.DaysInMonth(year, w.OpensMonth)));
            if (opening > date)
            {
                return opening.DayNumber - _start.DayNumber;
            }
        }
    }

    public AgencyStatistics Close(int agent, double horizon)
    {
        Observe(horizon);
        var available = Model.Staff * (_calendar.WorkTimeAt(horizon) - _calendar.WorkTimeAt(_warmup));
        return new AgencyStatistics(
            agent,
            Model.Index,
            Model.Staff,
            Utilisation: available > 0 ? _integrals.BusyWork / available : 0,
            MeanQueueLength: horizon > _warmup ? _integrals.QueueArea / (horizon - _warmup) : 0,
            MeanWait: _started > 0 ? _waitSum / _started : 0,
            Arrived: _arrived,
            Started: _started,
            Done: _done,
            WaitingCaused: _integrals.QueueArea,
            InQueueAtEnd: Waiting,
            InServiceAtEnd: Busy,
            YearUtilisation: _integrals.YearUtilisation(Model.Staff, horizon),
            YearWaitingCaused: _integrals.YearQueueArea)
        {
            PresentShare = available > 0 ? (available - _integrals.AwayWork) / available : 1,
        };
    }

    /// <summary>A post's file (its index in Items, in service or paused) and the generation of its service, bumped when the service is cut short so that the ServiceEnd already scheduled is recognised as stale.</summary>
    private struct Post
    {
        public int Item;
        public int Generation;
    }
}
