namespace IsdnSim.Analysis.Experiments;

/// <summary>One point of a sweep's grid: the value of each parameter, in the order of the plan's parameters.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Values)
{
    /// <summary>The point's name in files: p0, p1, ...</summary>
    public string Cell => $"p{Index}";
}

/// <summary>The outcome of a sweep: every point of the grid over its replications.</summary>
/// <param name="Cells">Aligned with <paramref name="Points"/>.</param>
public sealed record SweepResult(
    IReadOnlyList<SweepParameter> Parameters,
    IReadOnlyList<SweepPoint> Points,
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<CellSummary> Cells);
