namespace IsdnSim.Analysis.Experiments;

/// <summary>One point of a sweep's grid: the value of each parameter, in the order of the plan's parameters.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Values)
{
    /// <summary>The point's name in files: p0, p1, ...</summary>
    public string Cell => $"p{Index}";
}

/// <summary>The outcome of a sweep: every point of the grid over its replications.</summary>
/// <param name="Cells">
/// Without variants to compare, one per point, aligned with <paramref name="Points"/>; with them,
/// point by point and within a point variant by variant (the cells of <see cref="Comparisons"/>).
/// </param>
public sealed record SweepResult(
    IReadOnlyList<SweepParameter> Parameters,
    IReadOnlyList<SweepPoint> Points,
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<CellSummary> Cells)
{
    /// <summary>The variants compared at every point, the baseline first; empty when the sweep compares none.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>With <see cref="Variants"/>: each point's comparison (paired differences to the baseline), aligned with <see cref="Points"/>.</summary>
    public IReadOnlyList<ComparisonResult> Comparisons { get; init; } = [];
}
