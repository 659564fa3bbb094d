namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>
/// What a message says: one payload, made from the payload's type (so kind and payload cannot
/// disagree) and read back only as that type: reading it as another kind throws. Every kind
/// concerns one step of the project the message carries.
/// </summary>
public readonly record struct MessageBody
{
    // One payload's fields, stored flat so a message stays a plain struct.
    private readonly int _consultee;
    private readonly long _request;
    private readonly double _effort;

    private MessageBody(MessageKind kind, int step, int consultee = 0, long request = 0, double effort = 0)
    {
        Kind = kind;
        Step = step;
        _consultee = consultee;
        _request = request;
        _effort = effort;
    }

    public MessageKind Kind { get; }

    /// <summary>The step the message is about (for rework, the approval).</summary>
    public int Step { get; }

    public static implicit operator MessageBody(StepReady m) => new(MessageKind.StepReady, m.Step);

    public static implicit operator MessageBody(ConsultRequest m) => new(MessageKind.ConsultRequest, m.Step, m.Consultee, m.Consultation);

    public static implicit operator MessageBody(ConsultReply m) => new(MessageKind.ConsultReply, m.Step, m.Consultee, m.Consultation);

    public static implicit operator MessageBody(ReworkRequest m) => new(MessageKind.ReworkRequest, m.Approval);

    public static implicit operator MessageBody(ReworkDone m) => new(MessageKind.ReworkDone, m.Approval);

    public static implicit operator MessageBody(SupportRequest m) => new(MessageKind.SupportRequest, m.Step, request: m.Request, effort: m.Effort);

    public static implicit operator MessageBody(SupportReply m) => new(MessageKind.SupportReply, m.Step, request: m.Request);

    public StepReady AsStepReady() => Kind == MessageKind.StepReady ? new(Step) : throw Mismatch(MessageKind.StepReady);

    public ConsultRequest AsConsultRequest() =>
        Kind == MessageKind.ConsultRequest ? new(Step, _consultee, _request) : throw Mismatch(MessageKind.ConsultRequest);

    public ConsultReply AsConsultReply() =>
        Kind == MessageKind.ConsultReply ? new(Step, _consultee, _request) : throw Mismatch(MessageKind.ConsultReply);

    public ReworkRequest AsReworkRequest() => Kind == MessageKind.ReworkRequest ? new(Step) : throw Mismatch(MessageKind.ReworkRequest);

    public ReworkDone AsReworkDone() => Kind == MessageKind.ReworkDone ? new(Step) : throw Mismatch(MessageKind.ReworkDone);

    public SupportRequest AsSupportRequest() =>
        Kind == MessageKind.SupportRequest ? new(Step, _request, _effort) : throw Mismatch(MessageKind.SupportRequest);

    public SupportReply AsSupportReply() => Kind == MessageKind.SupportReply ? new(Step, _request) : throw Mismatch(MessageKind.SupportReply);

    private InvalidOperationException Mismatch(MessageKind wanted) => new($"A message of kind {Kind} was read as {wanted}.");
}
