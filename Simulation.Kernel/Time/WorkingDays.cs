using System.Globalization;

namespace IsdnSim.Kernel.Time;

/// <summary>
/// An amount of work in working days of one staff member. A calendar turns it into calendar
/// time; it is deliberately not convertible to <see cref="CalendarDays"/> without one.
/// </summary>
public readonly record struct WorkingDays(double Value) : IComparable<WorkingDays>
{
    public static readonly WorkingDays Zero = new(0);

    public static WorkingDays operator +(WorkingDays a, WorkingDays b) => new(a.Value + b.Value);
    public static WorkingDays operator *(WorkingDays a, double factor) => new(a.Value * factor);
    public static WorkingDays operator /(WorkingDays a, double divisor) => new(a.Value / divisor);

    public int CompareTo(WorkingDays other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + "wd";
}
