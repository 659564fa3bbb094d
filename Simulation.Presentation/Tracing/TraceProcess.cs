namespace IsdnSim.Presentation.Tracing;

/// <summary>A process in a trace's header, with its steps.</summary>
public sealed record TraceProcess(string Id, string Name, IReadOnlyList<TraceStep> Steps);
