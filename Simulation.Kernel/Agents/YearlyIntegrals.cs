using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Time integrals of an agency's queue length (calendar time) and of its busy staff (working
/// time), in total and per simulated year, for utilisation, queue length and waiting caused, and
/// in total of its posts away (absent holder or vacant post; working time), for the share present.
/// The totals start at the warm-up; the yearly figures cover whole years.
/// </summary>
internal struct YearlyIntegrals(WorkCalendar calendar, double[] yearStarts, double warmup)
{
    private bool _warmupPending = warmup > 0;
    private readonly double[] _yearBusy = new double[yearStarts.Length];
    private readonly double[] _yearQueue = new double[yearStarts.Length];
    private double _last;
    private double _lastWork;
    private int _year;
    private double _nextBoundary = yearStarts.Length > 1 ? yearStarts[1] : double.PositiveInfinity;

    public double BusyWork { get; private set; }

    public double QueueArea { get; private set; }

    /// <summary>Posts away (holder absent or post vacant) times working time.</summary>
    public double AwayWork { get; private set; }

    /// <summary>Brings the integrals up to <paramref name="t"/> with the levels that held since the last call.</summary>
    /// <remarks>Marked for inlining (see MinHeap.Push): a call that has passed the warm-up's end or a year's start leaves those to <see cref="Cross"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(double t, int queueLength, int busy, int away = 0)
    {
        if (t > NextCrossing)
        {
            Cross(t, queueLength, busy, away);
        }

        Integrate(t, queueLength, busy, away);
    }

    /// <summary>The next time where the totals restart (the warm-up's end) or the year moves on.</summary>
    private readonly double NextCrossing => _warmupPending ? Math.Min(warmup, _nextBoundary) : _nextBoundary;

    /// <summary>Integrates up to the warm-up's end and each year's start before <paramref name="t"/>, where the totals restart and the year moves on.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Cross(double t, int queueLength, int busy, int away)
    {
        while (true)
        {
            var next = NextCrossing;
            if (t <= next)
            {
                break;
            }

            Integrate(next, queueLength, busy, away);
            if (_warmupPending && next == warmup)
            {
                BusyWork = 0;
                QueueArea = 0;
                AwayWork = 0;
                _warmupPending = false;
            }

            if (next == _nextBoundary)
            {
                _year++;
                _nextBoundary = _year + 1 < yearStarts.Length ? yearStarts[_year + 1] : double.PositiveInfinity;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Integrate(double t, int queueLength, int busy, int away)
    {
        var work = calendar.WorkTimeAt(t);
        var queue = queueLength * (t - _last);
        var busyWork = busy * (work - _lastWork);
        QueueArea += queue;
        BusyWork += busyWork;
        if (away != 0)
        {
            AwayWork += away * (work - _lastWork);
        }

        _yearQueue[_year] += queue;
        _yearBusy[_year] += busyWork;
        _last = t;
        _lastWork = work;
    }

    /// <summary>Busy staff time over available staff time in each year (the last one ends at the horizon).</summary>
    public readonly double[] YearUtilisation(int staff, double horizon)
    {
        var utilisation = new double[yearStarts.Length];
        for (var y = 0; y < utilisation.Length; y++)
        {
            var end = y + 1 < yearStarts.Length ? yearStarts[y + 1] : horizon;
            var available = staff * (calendar.WorkTimeAt(end) - calendar.WorkTimeAt(yearStarts[y]));
            utilisation[y] = available > 0 ? _yearBusy[y] / available : 0;
        }

        return utilisation;
    }

    public double[] YearQueueArea => [.. _yearQueue];
}
