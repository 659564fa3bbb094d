namespace IsdnSim.Kernel.Time;

/// <summary>Fixed conversions used wherever a unit has no calendar anchor (rates, "per year" figures).</summary>
public static class CalendarConstants
{
    /// <summary>Mean Gregorian year.</summary>
    public const double DaysPerYear = 365.2425;

    public const double DaysPerMonth = DaysPerYear / 12.0;

    public const double DaysPerWeek = 7.0;
}
