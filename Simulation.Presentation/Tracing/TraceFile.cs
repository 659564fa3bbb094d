namespace IsdnSim.Presentation.Tracing;

/// <summary>A trace file read back: its header, its events in order, and whether it is complete.</summary>
public sealed record TraceFile(TraceInfo Info, IReadOnlyList<TraceRecord> Events, bool Complete, string? EndReason);
