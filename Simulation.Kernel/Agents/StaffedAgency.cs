using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// An agency during a run: c staff (servers), a FIFO or priority queue, an optional intake
/// window in which it accepts new items, and the integrals behind its figures.
/// </summary>
internal sealed class StaffedAgency
{
    private readonly WorkItem[] _slots;
    private readonly int[] _free;
    private readonly YearlyIntegrals _integrals;
    private readonly WorkCalendar _calendar;
    private readonly DateOnly _start;
    private readonly double _warmup;
    private int _freeCount;
    private double _waitSum;
    private long _arrived;
    private long _started;
    private long _done;

    public StaffedAgency(AgencyModel model, WorkCalendar calendar, double[] yearStarts, DateOnly start, double warmup)
    {
        Model = model;
        _calendar = calendar;
        _start = start;
        _warmup = warmup;
        _integrals = new YearlyIntegrals(calendar, yearStarts, warmup);
        _slots = new WorkItem[model.Staff];
        _free = new int[model.Staff];
        for (var i = 0; i < model.Staff; i++)
        {
            _free[i] = model.Staff - 1 - i;
        }

        _freeCount = model.Staff;
        Queue = new PriorityWorkQueue(model.PriorityQueue ? 10 : 1);
    }

    public AgencyModel Model { get; }

    public PriorityWorkQueue Queue { get; }

    /// <summary>Items that arrived outside the intake window, waiting for it to open.</summary>
    public Queue<WorkItem> Held { get; } = new();

    public bool OpeningScheduled { get; set; }

    public bool HasFreeStaff => _freeCount > 0;

    public int Busy => Model.Staff - _freeCount;

    public void Observe(double t) => _integrals.Observe(t, Queue.Count + Held.Count, Busy);

    /// <summary>Counts an item arriving at <paramref name="t"/>, if after the warm-up (as all counts here).</summary>
    public void CountArrival(double t)
    {
        if (t >= _warmup)
        {
            _arrived++;
        }
    }

    public int Level(in WorkItem item) => Model.PriorityQueue ? item.Priority : 0;

    /// <summary>Puts an item into service (staff must be free) and returns its slot.</summary>
    public int Occupy(in WorkItem item)
    {
        var slot = _free[--_freeCount];
        _slots[slot] = item;
        if (item.Start >= _warmup)
        {
            _waitSum += item.Start - item.Ready;
            _started++;
        }

        return slot;
    }

    /// <summary>An item leaves the queue without work (a legal fiction decided its step): counted as done, as it is gone.</summary>
    public void Drop(double t)
    {
        if (t >= _warmup)
        {
            _done++;
        }
    }

    public WorkItem Release(int slot, double t)
    {
        _free[_freeCount++] = slot;
        if (t >= _warmup)
        {
            _done++;
        }

        return _slots[slot];
    }

    /// <summary>Whether the intake window (if any) is open on the day of <paramref name="t"/>.</summary>
    public bool Accepts(double t)
    {
        if (Model.Intake is not { } w)
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
        var w = Model.Intake!;
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
            InQueueAtEnd: Queue.Count + Held.Count,
            InServiceAtEnd: Busy,
            YearUtilisation: _integrals.YearUtilisation(Model.Staff, horizon),
            YearWaitingCaused: _integrals.YearQueueArea);
    }
}
