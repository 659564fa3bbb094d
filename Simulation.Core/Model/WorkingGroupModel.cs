namespace IsdnSim.Core.Model;

/// <summary>A joint working group: its members' consultations are settled at its meetings (every <see cref="Every"/> days from <see cref="First"/>).</summary>
public sealed record WorkingGroupModel(string Id, IReadOnlySet<int> Members, double Every, double First)
{
    public double NextMeeting(double t) => Sessions.Next(First, Every, t);
}
