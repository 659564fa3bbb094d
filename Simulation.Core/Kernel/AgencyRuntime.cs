using IsdnSim.Core.Model;
using IsdnSim.Core.Time;

namespace IsdnSim.Core.Kernel;

/// <summary>
/// An agency during a run: c staff (servers), a FIFO queue, and the time integrals that give
/// utilisation, queue length and waiting time.
/// </summary>
internal sealed class AgencyRuntime
{
    private readonly WorkCalendar _calendar;
    private readonly WorkItem[] _slots;
    private readonly int[] _free;
    private int _freeCount;

    private double _last;
    private double _lastWork;
    private double _busyWorkArea;
    private double _queueArea;
    private double _waitSum;
    private long _arrived;
    private long _started;
    private long _done;

    public AgencyRuntime(AgencyModel model, WorkCalendar calendar)
    {
        Model = model;
        _calendar = calendar;
        _slots = new WorkItem[model.Staff];
        _free = new int[model.Staff];
        for (var i = 0; i < model.Staff; i++)
        {
            _free[i] = model.Staff - 1 - i;
        }

        _freeCount = model.Staff;
    }

    public AgencyModel Model { get; }

    public WorkQueue Queue { get; } = new();

    public bool HasFreeStaff => _freeCount > 0;

    public int Busy => Model.Staff - _freeCount;

    /// <summary>Brings the time integrals up to <paramref name="t"/>; call before any change of state.</summary>
    public void Observe(double t)
    {
        var work = _calendar.WorkTimeAt(t);
        _queueArea += Queue.Count * (t - _last);
        _busyWorkArea += Busy * (work - _lastWork);
        _last = t;
        _lastWork = work;
    }

    public void CountArrival() => _arrived++;

    /// <summary>Puts an item into service (staff must be free) and returns its slot.</summary>
    public int Occupy(in WorkItem item)
    {
        var slot = _free[--_freeCount];
        _slots[slot] = item;
        _waitSum += item.Start - item.Ready;
        _started++;
        return slot;
    }

    public WorkItem Release(int slot)
    {
        _free[_freeCount++] = slot;
        _done++;
        return _slots[slot];
    }

    public WorkItem InSlot(int slot) => _slots[slot];

    public AgencyStatistics Close(int agent, double horizon)
    {
        Observe(horizon);
        var available = Model.Staff * _calendar.WorkTimeAt(horizon);
        return new AgencyStatistics(
            agent,
            Model.Index,
            Model.Staff,
            Utilisation: available > 0 ? _busyWorkArea / available : 0,
            MeanQueueLength: horizon > 0 ? _queueArea / horizon : 0,
            MeanWait: _started > 0 ? _waitSum / _started : 0,
            Arrived: _arrived,
            Started: _started,
            Done: _done,
            WaitingCaused: _queueArea,
            InQueueAtEnd: Queue.Count,
            InServiceAtEnd: Busy);
    }
}
