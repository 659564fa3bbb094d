namespace IsdnSim.Kernel.Time;

/// <summary>
/// Working days are the listed weekdays minus public holidays. A table of cumulative working
/// days covers the scenario's horizon plus a margin; beyond it the ordinary weekly share is
/// used, which only matters for events that fall after the horizon and are never processed.
/// </summary>
public sealed class WorkingDayCalendar : WorkCalendar
{
    private readonly double[] _cumulative; // _cumulative[d] = working days in [0, d)
    private readonly bool[] _isWorking;
    private readonly double _share;

    public WorkingDayCalendar(DateOnly start, int days, IReadOnlySet<DayOfWeek> workdays, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (workdays.Count == 0)
        {
            throw new ArgumentException("A working-day calendar needs at least one working weekday.", nameof(workdays));
        }

        _share = workdays.Count / CalendarConstants.DaysPerWeek;
        _isWorking = new bool[days];
        _cumulative = new double[days + 1];
        for (var d = 0; d < days; d++)
        {
            var date = start.AddDays(d);
            _isWorking[d] = workdays.Contains(date.DayOfWeek) && !holidays.Contains(date);
            _cumulative[d + 1] = _cumulative[d] + (_isWorking[d] ? 1 : 0);
        }
    }

    public override double WorkingShare => _share;

    public int TableDays => _isWorking.Length;

    public bool IsWorkingDay(int day) => day >= 0 && day < _isWorking.Length && _isWorking[day];

    public override double WorkTimeAt(double t)
    {
        if (t <= 0)
        {
            return 0;
        }

        var n = _isWorking.Length;
        if (t >= n)
        {
            return _cumulative[n] + (t - n) * _share;
        }

        var d = (int)t;
        return _cumulative[d] + (_isWorking[d] ? t - d : 0);
    }

    public override double TimeAtWork(double work)
    {
        if (work <= 0)
        {
            return 0;
        }

        var n = _isWorking.Length;
        if (work > _cumulative[n])
        {
            return n + (work - _cumulative[n]) / _share;
        }

        // First day d with _cumulative[d + 1] >= work; that day is a working day, since the
        // cumulative count rises across it.
        int lo = 0, hi = n - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cumulative[mid + 1] >= work)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo + (work - _cumulative[lo]);
    }
}
