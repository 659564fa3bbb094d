namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// One figure of the suite: what it measures, its unit, its spread over the process runs, and the
/// target it is held to (none for figures that only explain others), and with <c>--against</c> the
/// base build's figure paired with it.
/// </summary>
public sealed record SuiteRow(string Id, string Benchmark, string Unit, Spread Figure, SuiteTarget? Target, Pairing? Against = null)
{
    /// <summary>Whether the median meets the target; null without a target.</summary>
    public bool? Met => Target?.MetBy(Figure.Median);
}
