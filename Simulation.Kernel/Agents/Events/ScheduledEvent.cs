namespace IsdnSim.Kernel.Agents.Events;

/// <summary>An agent-local event, ordered by (time, sequence); the sequence follows creation order.</summary>
internal readonly record struct ScheduledEvent(double Time, long Sequence, EventBody Body);
