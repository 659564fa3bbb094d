namespace IsdnSim.Kernel.Time;

/// <summary>
/// A point in simulated time: calendar days since the scenario's start date (midnight).
/// Continuous, so 2.5 is noon on the third day.
/// </summary>
public readonly record struct SimTime(double Days)
{
    /// <summary>The calendar date this point falls on, given the scenario's start date.</summary>
    public DateOnly ToDate(DateOnly start) => start.AddDays((int)Math.Floor(Days));

    /// <summary>The calendar instant of this point in UTC, taking the start date's midnight as day 0; rounded to the tick (100 ns).</summary>
    public DateTimeOffset ToInstant(DateOnly start) =>
        new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks((long)Math.Round(Days * TimeSpan.TicksPerDay));
}
