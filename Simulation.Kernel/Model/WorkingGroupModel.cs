namespace IsdnSim.Kernel.Model;

/// <summary>A joint working group: its members' consultations are settled at its meetings (every <see cref="Every"/> days from <see cref="First"/>).</summary>
public sealed record WorkingGroupModel(string Id, IReadOnlySet<int> Members, double Every, double First)
{
    /// <summary>The first meeting after <paramref name="t"/>: a matter ready on a meeting's day is put on the next one's agenda.</summary>
    public double NextMeeting(double t)
    {
        var next = Sessions.Next(First, Every, t);
        return next > t ? next : next + Every;
    }
}
