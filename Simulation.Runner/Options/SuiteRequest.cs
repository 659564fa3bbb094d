using System.Globalization;

namespace IsdnSim.Runner.Options;

/// <summary>
/// What <c>isdnsim bench --suite</c> was asked: process runs per benchmark, which benchmarks
/// (<c>--only</c>), small inputs (<c>--quick</c>), and whether to write the figures into the repository.
/// </summary>
public sealed record SuiteRequest(int Runs, string? Only, bool Quick, bool Write)
{
    public const int DefaultRuns = 5;

    /// <summary>Process runs the written figures need at least: fewer would make a median of little worth.</summary>
    public const int WrittenRuns = 5;

    /// <summary>The command's options as typed, for the command a reader repeats.</summary>
    public string Arguments =>
        "bench --suite"
        + (Runs == DefaultRuns ? "" : string.Create(CultureInfo.InvariantCulture, $" --runs {Runs}"))
        + (Only is null ? "" : $" --only {Only}")
        + (Quick ? " --quick" : "")
        + (Write ? " --write" : "");

    /// <summary>Why this cannot be written to the repository's figures, or null: only the whole suite, full size, with enough runs, is.</summary>
    public string? WriteProblem() =>
        !Write ? null
        : Quick ? "--write keeps the figures of the whole suite; --quick's small inputs are not comparable with them"
        : Only is not null ? "--write keeps the figures of the whole suite; leave out --only"
        : Runs < WrittenRuns ? $"--write needs at least {WrittenRuns} process runs per benchmark, found --runs {Runs}"
        : null;
}
