using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Presentation.Tracing;

/// <summary>
/// The header of a trace: the run, the region's agents and agencies, the processes and their
/// steps. This record is the header's format: <see cref="TraceWriter"/> writes it and
/// <see cref="TraceReader"/> reads it with the same <see cref="Json"/> options, so a field is
/// named once (docs/trace-format.md). <see cref="ProgramVersion"/> is null in a header that does
/// not say it.
/// </summary>
public sealed record TraceInfo(
    string Scenario,
    string File,
    string Hash,
    string? Variant,
    ulong Seed,
    int Replication,
    DateOnly Start,
    double HorizonDays,
    [property: JsonPropertyOrder(1)] IReadOnlyList<TraceAgent> Agents,
    [property: JsonPropertyOrder(1)] IReadOnlyList<TraceProcess> Processes)
{
    /// <summary>What the first field of the first line says of every isdnsim trace.</summary>
    public const string Signature = "isdnsim";

    /// <summary>The version of the format; a reader refuses any other.</summary>
    public const int CurrentFormat = 1;

    /// <summary>How the header is written and read: snake_case names, fields the reader needs must be there.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    [JsonPropertyOrder(-1)]
    public string Trace => Signature;

    [JsonPropertyOrder(-1)]
    public int Format => CurrentFormat;

    /// <summary>The isdnsim that wrote the trace.</summary>
    public string? ProgramVersion { get; init; }

    /// <summary>The header of a trace of <paramref name="model"/>'s run.</summary>
    public static TraceInfo Of(SimulationModel model, TraceHeader header)
    {
        var d = model.Definition;
        return new TraceInfo(d.Name, header.ScenarioFile, header.ScenarioHash, d.AppliedVariant, model.Seed, header.Replication, d.Start, model.Horizon.Days,
            [.. model.Agents.Select(a => new TraceAgent(a.Id, a.Name, AgentKinds.Name(a.Kind), SimulationModel.Levels[a.Level],
                [.. a.Agencies.Select(g => new TraceAgency(g.Id, g.Name, g.Staff, g.IsCouncil))],
                a.Parent >= 0 ? model.Agents[a.Parent].Id : null))],
            [.. model.Processes.Select(p => new TraceProcess(p.Id, p.Name,
                [.. p.Steps.Select(s => new TraceStep(s.Id, s.Name, s.Kind.ToString().ToLowerInvariant(), [.. s.Predecessors.Select(pre => p.Steps[pre].Id)]))]))])
        {
            ProgramVersion = Analysis.Storage.ProgramVersion.Text,
        };
    }

    /// <summary>The header in <paramref name="line"/>; throws <see cref="FormatException"/> for another program's or format's line, <see cref="JsonException"/> for a field missing or of the wrong type.</summary>
    public static TraceInfo Read(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object || !line.TryGetProperty("trace", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != Signature)
        {
            throw new FormatException("the first line is not an isdnsim trace header");
        }

        var format = line.GetProperty("format").GetInt32();
        if (format != CurrentFormat)
        {
            throw new FormatException($"trace format {format}; this version reads format {CurrentFormat}");
        }

        return line.Deserialize<TraceInfo>(Json) ?? throw new FormatException("the header is null");
    }

    /// <summary>Writes the header as one JSON object (the caller ends the line).</summary>
    public void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, Json);
}
