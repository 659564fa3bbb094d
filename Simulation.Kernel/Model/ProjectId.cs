namespace IsdnSim.Kernel.Model;

/// <summary>
/// Names a project by where and how it arose: the municipality it belongs to, its process and
/// its arrival number in that (municipality, process) stream. The name survives any variant
/// that keeps the municipality and process, which is what makes efforts comparable.
/// </summary>
public readonly record struct ProjectId(int Owner, int Process, int Serial) : IComparable<ProjectId>
{
    /// <summary>A project a shock obliged its owner to start carries the negative serial -1 - shock.</summary>
    public int Shock => Serial < 0 ? -1 - Serial : -1;

    public int CompareTo(ProjectId other)
    {
        var c = Owner.CompareTo(other.Owner);
        if (c != 0)
        {
            return c;
        }

        c = Process.CompareTo(other.Process);
        return c != 0 ? c : Serial.CompareTo(other.Serial);
    }
}
