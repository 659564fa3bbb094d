namespace IsdnSim.Kernel.Agents.Events;

/// <summary>
/// What an agent-local event says: one payload, made from the payload's type (so kind and payload
/// cannot disagree) and read back only as that type: reading it as another kind throws.
/// </summary>
internal readonly record struct EventBody
{
    // One payload's fields, stored flat so an event stays a small struct on the heap's array.
    private readonly long _id;
    private readonly int _first;
    private readonly int _second;

    private EventBody(EventKind kind, int first, int second = 0, long id = 0)
    {
        Kind = kind;
        _first = first;
        _second = second;
        _id = id;
    }

    public EventKind Kind { get; }

    public static implicit operator EventBody(Arrival e) => new(EventKind.Arrival, e.Source);

    public static implicit operator EventBody(BackgroundArrival e) => new(EventKind.BackgroundArrival, e.Agency);

    public static implicit operator EventBody(MandateDue e) => new(EventKind.MandateDue, e.Mandate);

    public static implicit operator EventBody(ServiceEnd e) => new(EventKind.ServiceEnd, e.Agency, e.Slot, e.Generation);

    public static implicit operator EventBody(CouncilSession e) => new(EventKind.CouncilSession, e.Agency);

    public static implicit operator EventBody(IntakeOpens e) => new(EventKind.IntakeOpens, e.Agency);

    public static implicit operator EventBody(ConsultationDeadline e) => new(EventKind.ConsultationDeadline, 0, 0, e.Consultation);

    public static implicit operator EventBody(GroupMeeting e) => new(EventKind.GroupMeeting, 0, 0, e.Matter);

    public static implicit operator EventBody(OfficeDelivery e) => new(EventKind.OfficeDelivery, 0, 0, e.Transfer);

    public static implicit operator EventBody(PeriodEnds e) => new(EventKind.PeriodEnds, 0, 0, e.Period);

    public static implicit operator EventBody(FictionDue e) => new(EventKind.FictionDue, 0, 0, e.Fiction);

    public static implicit operator EventBody(AbsenceChange e) => new(EventKind.AbsenceChange, e.Agency, e.Post);

    public static implicit operator EventBody(VacancyChange e) => new(EventKind.VacancyChange, e.Agency, e.Post);

    public Arrival AsArrival() => Kind == EventKind.Arrival ? new(_first) : throw Mismatch(EventKind.Arrival);

    public BackgroundArrival AsBackgroundArrival() => Kind == EventKind.BackgroundArrival ? new(_first) : throw Mismatch(EventKind.BackgroundArrival);

    public MandateDue AsMandateDue() => Kind == EventKind.MandateDue ? new(_first) : throw Mismatch(EventKind.MandateDue);

    public ServiceEnd AsServiceEnd() => Kind == EventKind.ServiceEnd ? new(_first, _second, (int)_id) : throw Mismatch(EventKind.ServiceEnd);

    public CouncilSession AsCouncilSession() => Kind == EventKind.CouncilSession ? new(_first) : throw Mismatch(EventKind.CouncilSession);

    public IntakeOpens AsIntakeOpens() => Kind == EventKind.IntakeOpens ? new(_first) : throw Mismatch(EventKind.IntakeOpens);

    public ConsultationDeadline AsConsultationDeadline() =>
        Kind == EventKind.ConsultationDeadline ? new(_id) : throw Mismatch(EventKind.ConsultationDeadline);

    public GroupMeeting AsGroupMeeting() => Kind == EventKind.GroupMeeting ? new(_id) : throw Mismatch(EventKind.GroupMeeting);

    public OfficeDelivery AsOfficeDelivery() => Kind == EventKind.OfficeDelivery ? new(_id) : throw Mismatch(EventKind.OfficeDelivery);

    public PeriodEnds AsPeriodEnds() => Kind == EventKind.PeriodEnds ? new(_id) : throw Mismatch(EventKind.PeriodEnds);

    public FictionDue AsFictionDue() => Kind == EventKind.FictionDue ? new(_id) : throw Mismatch(EventKind.FictionDue);

    public AbsenceChange AsAbsenceChange() => Kind == EventKind.AbsenceChange ? new(_first, _second) : throw Mismatch(EventKind.AbsenceChange);

    public VacancyChange AsVacancyChange() => Kind == EventKind.VacancyChange ? new(_first, _second) : throw Mismatch(EventKind.VacancyChange);

    private InvalidOperationException Mismatch(EventKind wanted) => new($"An event of kind {Kind} was read as {wanted}.");
}
