namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// What one run of the suite measured: benchmarks/suite.json holds the last written, which the
/// next run prints beside its own figures. <paramref name="Base"/> names the build that
/// <c>--against</c> ran in turn with this one (its commit), null without.
/// </summary>
public sealed record SuiteFigures(
    string Date,
    string Commit,
    bool Dirty,
    SuiteMachine Machine,
    int Runs,
    bool Quick,
    string Command,
    IReadOnlyList<SuiteRow> Rows,
    IReadOnlyList<ScalingPoint> Scaling,
    IReadOnlyList<string> ProcessCommands,
    string? Base = null);
