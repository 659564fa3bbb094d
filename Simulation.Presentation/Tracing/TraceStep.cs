namespace IsdnSim.Presentation.Tracing;

/// <summary>A step of a process in a trace's header; <see cref="After"/> names the steps it waits for.</summary>
public sealed record TraceStep(string Id, string Name, string Kind, IReadOnlyList<string> After);
