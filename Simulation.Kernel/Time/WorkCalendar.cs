namespace IsdnSim.Kernel.Time;

/// <summary>
/// Turns working time into calendar time. Staff work at rate one on working days and not at
/// all on other days, so an effort of 1 working day started on a Friday at noon ends on Monday
/// at noon. Both directions are exact inverses on working time.
/// </summary>
public abstract class WorkCalendar
{
    /// <summary>Cumulative working days from the start up to calendar time <paramref name="t"/>.</summary>
    public abstract double WorkTimeAt(double t);

    /// <summary>The earliest calendar time at which <paramref name="work"/> working days have accumulated.</summary>
    public abstract double TimeAtWork(double work);

    /// <summary>Working days per calendar day in an ordinary week (1 for a continuous calendar).</summary>
    public abstract double WorkingShare { get; }

    /// <summary>When work of the given size, started at <paramref name="start"/>, is finished.</summary>
    public double AddWork(double start, double work) =>
        work <= 0 ? start : TimeAtWork(WorkTimeAt(start) + work);
}
