namespace IsdnSim.Presentation.Tracing;

/// <summary>What a trace's header says besides the model: where the scenario came from, and which replication it is.</summary>
public sealed record TraceHeader(string ScenarioFile, string ScenarioHash, int Replication);
