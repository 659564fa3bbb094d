namespace IsdnSim.Kernel.Agents.Events;

/// <summary>What an agent-local event is; each kind has one payload type of the same name.</summary>
internal enum EventKind : byte
{
    Arrival,
    ServiceEnd,
    CouncilSession,
    IntakeOpens,
    ConsultationDeadline,
    GroupMeeting,
    BackgroundArrival,
    MandateDue,
    OfficeDelivery,
    PeriodEnds,
    FictionDue,
    AbsenceChange,
    VacancyChange,
}
