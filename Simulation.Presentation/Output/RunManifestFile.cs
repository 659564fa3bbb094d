using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// manifest.json of a run, field by field in the order written: the one description that writes
/// the file and reads it back. It starts with the fields every manifest starts with, in the same
/// order (<see cref="ManifestHead"/>); then what is the run's own. Optional fields are left out
/// when null; <see cref="Variant"/> and <see cref="GitCommit"/> are written as null when there is none.
/// </summary>
public sealed record RunManifestFile(
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReplicationsRequested,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StoppedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reproduce,
    double HorizonDays,
    double WarmupDays,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SilosLost,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReplicationsRerun,
    long Windows)
{
    /// <summary>Snake-case names, two-space indents, '\n' line ends, no newline after the closing brace.</summary>
    public static JsonSerializerOptions Json => RunManifestJson.Default.Options;

    /// <summary>The file's fields for <paramref name="m"/>: the lost silos and reruns only when there were any, the wall time to the millisecond.</summary>
    public static RunManifestFile From(RunManifest m)
    {
        var lost = m.SilosLost > 0 || m.ReplicationsRerun > 0;
        return new RunManifestFile(ManifestHead.Program, m.ProgramVersion, ManifestHead.GitCommit, "run", ManifestHead.Timestamp(m.CreatedUtc),
            m.ScenarioFile, m.ScenarioName, m.ScenarioHash, m.Seed, m.Replications, m.Engine, m.Silos, m.Events, ManifestHead.Seconds(m.WallSeconds),
            m.Variant, m.RequestedReplications, m.RequestedReplications is null ? null : m.StoppedBy, m.Reproduce, m.HorizonDays, m.WarmupDays,
            lost ? m.SilosLost : null, lost ? m.ReplicationsRerun : null, m.Windows);
    }

    public static RunManifestFile Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), RunManifestJson.Default.RunManifestFile) ?? throw new InvalidDataException($"{path} holds no manifest");

    /// <summary>Builds the serializer's metadata for the manifest now (see <see cref="ResultWriter.Prepare"/>).</summary>
    internal static void Prepare() => _ = RunManifestJson.Default.RunManifestFile;

    public void Write(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this, RunManifestJson.Default.RunManifestFile);
    }
}
