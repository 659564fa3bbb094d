namespace IsdnSim.Kernel.Model;

/// <summary>A project a shock obliges one municipality to start, at a time, with a deadline (days from the start).</summary>
public readonly record struct MandateModel(int Owner, int Shock, int Group, int Process, double Time, double Deadline)
{
    /// <summary>Other obliged municipalities this project meets the obligation of (a joint plan), each against its own deadline.</summary>
    public MandateCover[] Covers { get; init; } = [];
}

/// <summary>A municipality whose obligation a joint project meets: its group and deadline (days from the start).</summary>
public readonly record struct MandateCover(int Member, int Group, double Deadline);
