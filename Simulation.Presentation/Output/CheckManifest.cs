using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// manifest.json of a check's folder, field by field in the order written: the scenario and the
/// observed file (each with its SHA-256), the variant, seed, replications, time span and engine,
/// and the command that gives the same check.csv again.
/// </summary>
public sealed record CheckManifest(
    string Program,
    string ProgramVersion,
    string Command,
    string ScenarioFile,
    string ScenarioName,
    string ScenarioSha256,
    string? Variant,
    string ObservedFile,
    string ObservedSha256,
    int Observations,
    ulong Seed,
    int Replications,
    double HorizonDays,
    double WarmupDays,
    string Engine,
    int Silos,
    string CreatedUtc,
    long Events,
    double WallSeconds,
    string Reproduce)
{
    /// <summary>Snake-case names, two-space indents, '\n' line ends.</summary>
    public static JsonSerializerOptions Json => CheckManifestJson.Default.Options;

    public static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static CheckManifest Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), CheckManifestJson.Default.CheckManifest) ?? throw new InvalidDataException($"{path} holds no manifest");

    public void Write(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this with { WallSeconds = Math.Round(WallSeconds, 3) }, CheckManifestJson.Default.CheckManifest);
    }
}

/// <summary>The serializer of <see cref="CheckManifest"/>, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(CheckManifest))]
internal sealed partial class CheckManifestJson : JsonSerializerContext;
