namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>A moment on a lane: the file returned for rework, a consultation deemed approved or settled at a meeting.</summary>
internal sealed record TimelineMark(MarkKind Kind, double T, string Agent, string? Receiver);
