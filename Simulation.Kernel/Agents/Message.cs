namespace IsdnSim.Kernel.Agents;

public enum MessageKind : byte
{
    /// <summary>A predecessor of <see cref="Message.Step"/> is done.</summary>
    StepReady,

    /// <summary>Please answer consultation step <see cref="Message.Step"/> (as consultee <see cref="Message.Aux"/>).</summary>
    ConsultRequest,

    ConsultReply,

    /// <summary>Approval <see cref="Message.Step"/> returns the file for rework.</summary>
    ReworkRequest,

    /// <summary>The reworked file is back for approval <see cref="Message.Step"/>.</summary>
    ReworkDone,

    /// <summary>Please do <see cref="Message.Value"/> working days of step <see cref="Message.Step"/> as a service; <see cref="Message.Link"/> names the request.</summary>
    SupportRequest,

    SupportReply,
}

/// <summary>
/// A hand-off between agents. Receivers order messages by (delivery, sender, sequence), which
/// no thread or silo can disturb.
/// </summary>
public readonly record struct Message(
    double Delivery,
    int From,
    long Sequence,
    int To,
    double Sent,
    MessageKind Kind,
    int Step,
    int Aux,
    long Link,
    double Value,
    ProjectToken Project);
