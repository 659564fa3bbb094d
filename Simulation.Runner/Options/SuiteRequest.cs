using System.Globalization;

namespace IsdnSim.Runner.Options;

/// <summary>
/// What <c>isdnsim bench --suite</c> was asked: process runs per benchmark, which benchmarks
/// (<c>--only</c>), small inputs (<c>--quick</c>), and whether to write the figures into the repository
/// (<c>--write</c>, with fewer than <see cref="WrittenRuns"/> runs only with <c>--allow-few-runs</c>),
/// and the build to pair every process run with (<c>--against</c>: the path as given, a checkout or
/// its isdnsim.dll).
/// </summary>
public sealed record SuiteRequest(int Runs, string? Only, bool Quick, bool Write, bool AllowFewRuns = false, string? Against = null)
{
    public const int DefaultRuns = 5;

    /// <summary>Process runs the written figures need at least: fewer would make a median of little worth.</summary>
    public const int WrittenRuns = 5;

    /// <summary>The command's options as typed, for the command a reader repeats (the base build's path, local to one machine, as DIR).</summary>
    public string Arguments =>
        "bench --suite"
        + (Runs == DefaultRuns ? "" : string.Create(CultureInfo.InvariantCulture, $" --runs {Runs}"))
        + (Only is null ? "" : $" --only {Only}")
        + (Quick ? " --quick" : "")
        + (Write ? " --write" : "")
        + (AllowFewRuns ? " --allow-few-runs" : "")
        + (Against is null ? "" : " --against DIR");

    /// <summary>
    /// Why this cannot be written to the repository's figures, or null: only the whole suite, full
    /// size, with enough runs (or fewer when asked for explicitly: a busy machine may not have the time), is.
    /// </summary>
    public string? WriteProblem() =>
        !Write ? null
        : Quick ? "--write keeps the figures of the whole suite; --quick's small inputs are not comparable with them"
        : Only is not null ? "--write keeps the figures of the whole suite; leave out --only"
        : Runs < WrittenRuns && !AllowFewRuns ? $"--write needs at least {WrittenRuns} process runs per benchmark, found --runs {Runs} (--allow-few-runs to write them all the same)"
        : null;
}
