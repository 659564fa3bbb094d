namespace IsdnSim.Presentation.Tracing;

/// <summary>An agency of an agent in a trace's header.</summary>
public sealed record TraceAgency(string Id, string Name, int Staff, bool Council);
