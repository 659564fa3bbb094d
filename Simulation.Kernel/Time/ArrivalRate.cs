using System.Globalization;

namespace IsdnSim.Kernel.Time;

/// <summary>Mean number of arrivals per calendar day.</summary>
public readonly record struct ArrivalRate(double PerDay)
{
    public static readonly ArrivalRate Zero = new(0);

    public static ArrivalRate operator *(ArrivalRate r, double factor) => new(r.PerDay * factor);

    public double PerYear => PerDay * CalendarConstants.DaysPerYear;

    public override string ToString() => PerDay.ToString("R", CultureInfo.InvariantCulture) + "/day";
}
