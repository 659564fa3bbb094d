using System.Globalization;

namespace IsdnSim.Kernel.Time;

/// <summary>A length of calendar time in days (weekends and holidays count).</summary>
public readonly record struct CalendarDays(double Value) : IComparable<CalendarDays>
{
    public static readonly CalendarDays Zero = new(0);

    public static CalendarDays operator +(CalendarDays a, CalendarDays b) => new(a.Value + b.Value);
    public static CalendarDays operator -(CalendarDays a, CalendarDays b) => new(a.Value - b.Value);
    public static bool operator <(CalendarDays a, CalendarDays b) => a.Value < b.Value;
    public static bool operator >(CalendarDays a, CalendarDays b) => a.Value > b.Value;
    public static bool operator <=(CalendarDays a, CalendarDays b) => a.Value <= b.Value;
    public static bool operator >=(CalendarDays a, CalendarDays b) => a.Value >= b.Value;

    public int CompareTo(CalendarDays other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + "d";
}
