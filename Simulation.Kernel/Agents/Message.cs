using IsdnSim.Kernel.Agents.Messages;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// A hand-off between agents: the project it carries and what it says about it. Receivers order
/// messages by (delivery, sender, sequence), which no thread or silo can disturb.
/// </summary>
public readonly record struct Message(
    double Delivery,
    int From,
    long Sequence,
    int To,
    double Sent,
    MessageBody Body,
    ProjectToken Project);
