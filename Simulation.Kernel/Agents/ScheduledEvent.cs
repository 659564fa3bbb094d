namespace IsdnSim.Kernel.Agents;

internal enum EventKind : byte
{
    Arrival,
    ServiceEnd,
    Session,
    IntakeOpens,
    ConsultDeadline,
    GroupMeeting,
    Background,
    Mandate,
}

/// <summary>An agent-local event, ordered by (time, sequence); the sequence follows creation order.</summary>
internal readonly record struct ScheduledEvent(double Time, long Sequence, EventKind Kind, int A, int B, long Id = 0);
