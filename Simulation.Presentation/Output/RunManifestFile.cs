using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// manifest.json of a run, field by field in the order written: the one description that writes
/// the file and reads it back. Optional fields are left out when null; <see cref="Variant"/> is
/// written as null when the run had none.
/// </summary>
public sealed record RunManifestFile(
    string Program,
    string ProgramVersion,
    string ScenarioFile,
    string ScenarioName,
    string ScenarioSha256,
    string? Variant,
    ulong Seed,
    int Replications,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReplicationsRequested,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StoppedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reproduce,
    double HorizonDays,
    double WarmupDays,
    string Engine,
    int Silos,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SilosLost,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReplicationsRerun,
    string CreatedUtc,
    long Events,
    long Windows,
    double WallSeconds)
{
    /// <summary>Snake-case names, two-space indents, '\n' line ends, no newline after the closing brace.</summary>
    public static JsonSerializerOptions Json => RunManifestJson.Default.Options;

    /// <summary>The file's fields for <paramref name="m"/>: the lost silos and reruns only when there were any, the wall time to the millisecond.</summary>
    public static RunManifestFile From(RunManifest m)
    {
        var lost = m.SilosLost > 0 || m.ReplicationsRerun > 0;
        return new RunManifestFile("isdnsim", m.ProgramVersion, m.ScenarioFile, m.ScenarioName, m.ScenarioHash, m.Variant, m.Seed, m.Replications,
            m.RequestedReplications, m.RequestedReplications is null ? null : m.StoppedBy, m.Reproduce, m.HorizonDays, m.WarmupDays, m.Engine, m.Silos,
            lost ? m.SilosLost : null, lost ? m.ReplicationsRerun : null,
            m.CreatedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), m.Events, m.Windows, Math.Round(m.WallSeconds, 3));
    }

    public static RunManifestFile Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), RunManifestJson.Default.RunManifestFile) ?? throw new InvalidDataException($"{path} holds no manifest");

    public void Write(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this, RunManifestJson.Default.RunManifestFile);
    }
}
