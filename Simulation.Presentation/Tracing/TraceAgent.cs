using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Tracing;

/// <summary>An agent in a trace's header: <see cref="Parent"/> is left out of the line for an agent at the top.</summary>
public sealed record TraceAgent(
    string Id,
    string Name,
    string Kind,
    string Level,
    [property: JsonPropertyOrder(1)] IReadOnlyList<TraceAgency> Agencies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Parent = null);
