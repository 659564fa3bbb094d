namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>A moment on a lane: the file returned for rework, a consultation that lapsed or was settled at a meeting, a step done by law.</summary>
internal sealed record TimelineMark(MarkKind Kind, double T, string Agent, string? Receiver);
