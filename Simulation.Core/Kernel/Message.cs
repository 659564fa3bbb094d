namespace IsdnSim.Core.Kernel;

/// <summary>
/// A hand-off between agents: <see cref="Step"/> of the project may start, as far as the
/// sender is concerned, from <see cref="Delivery"/> on. Receivers order messages by
/// (delivery, sender, sequence), which no thread or silo can disturb.
/// </summary>
public readonly record struct Message(
    double Delivery,
    int From,
    long Sequence,
    int To,
    double Sent,
    int Step,
    ProjectToken Project);
