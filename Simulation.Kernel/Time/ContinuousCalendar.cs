namespace IsdnSim.Kernel.Time;

/// <summary>Every day is a working day: for validating against queueing theory.</summary>
public sealed class ContinuousCalendar : WorkCalendar
{
    public static readonly ContinuousCalendar Instance = new();

    private ContinuousCalendar()
    {
    }

    public override double WorkingShare => 1.0;

    public override double WorkTimeAt(double t) => t;

    public override double TimeAtWork(double work) => work;
}
