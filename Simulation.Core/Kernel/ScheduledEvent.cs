namespace IsdnSim.Core.Kernel;

internal enum EventKind : byte
{
    Arrival,
    ServiceEnd,
}

/// <summary>An agent-local event, ordered by (time, sequence); the sequence follows creation order.</summary>
internal readonly record struct ScheduledEvent(double Time, long Sequence, EventKind Kind, int A, int B);
