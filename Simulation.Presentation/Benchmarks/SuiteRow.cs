namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// One figure of the suite: what it measures, its unit, its spread over the process runs, and the
/// target it is held to (none for figures that only explain others).
/// </summary>
public sealed record SuiteRow(string Id, string Benchmark, string Unit, Spread Figure, SuiteTarget? Target)
{
    /// <summary>Whether the median meets the target; null without a target.</summary>
    public bool? Met => Target?.MetBy(Figure.Median);
}
