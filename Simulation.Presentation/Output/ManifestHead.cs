using System.Globalization;
using IsdnSim.Analysis.Storage;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// What every manifest.json starts with, in this order, whichever command wrote it: program,
/// program_version, git_commit (null when the program was not built in a clone), command,
/// created_utc, scenario_file, scenario_name, scenario_sha256, seed, replications, engine, silos,
/// events, wall_seconds. <see cref="Fields"/> lists them; a test holds every manifest to it.
/// </summary>
public static class ManifestHead
{
    public const string Program = "isdnsim";

    public static IReadOnlyList<string> Fields { get; } =
        ["program", "program_version", "git_commit", "command", "created_utc", "scenario_file", "scenario_name", "scenario_sha256", "seed", "replications", "engine", "silos", "events", "wall_seconds"];

    public static string? GitCommit => ProgramVersion.Commit;

    /// <summary>A time to the second, in UTC: 2026-11-30T09:41:05Z.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A wall time to the millisecond.</summary>
    public static double Seconds(double seconds) => Math.Round(seconds, 3);
}
