namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>What a message between agents is; each kind has one payload type of the same name.</summary>
public enum MessageKind : byte
{
    StepReady,
    ConsultRequest,
    ConsultReply,
    ReworkRequest,
    ReworkDone,
    SupportRequest,
    SupportReply,
}
