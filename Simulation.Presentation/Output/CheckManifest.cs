using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// manifest.json of a check's folder, field by field in the order written: the fields every
/// manifest starts with (<see cref="ManifestHead"/>), then the variant, the observed file (with
/// its SHA-256), the time span, and the command that gives the same check.csv again.
/// </summary>
public sealed record CheckManifest(
    string Program,
    string ProgramVersion,
    string? GitCommit,
    string Command,
    string CreatedUtc,
    string ScenarioFile,
    string ScenarioName,
    string ScenarioSha256,
    ulong Seed,
    int Replications,
    string Engine,
    int Silos,
    long Events,
    double WallSeconds,
    string? Variant,
    string ObservedFile,
    string ObservedSha256,
    int Observations,
    double HorizonDays,
    double WarmupDays,
    string Reproduce)
{
    /// <summary>Snake-case names, two-space indents, '\n' line ends.</summary>
    public static JsonSerializerOptions Json => CheckManifestJson.Default.Options;

    public static CheckManifest Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), CheckManifestJson.Default.CheckManifest) ?? throw new InvalidDataException($"{path} holds no manifest");

    public void Write(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this with { WallSeconds = ManifestHead.Seconds(WallSeconds) }, CheckManifestJson.Default.CheckManifest);
    }
}

/// <summary>The serializer of <see cref="CheckManifest"/>, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(CheckManifest))]
internal sealed partial class CheckManifestJson : JsonSerializerContext;
