namespace IsdnSim.Presentation.Reporting;

/// <summary>A line of a line chart: named for the legend, its points in order of x.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>A point of a line, with an optional interval drawn as a whisker and the text shown on hover.</summary>
internal sealed record ChartPoint(double X, double Y, double? Low = null, double? High = null, string? Tooltip = null);

/// <summary>
/// An axis of a chart: its title and the unit after every tick label (" %"). Fixed bounds where
/// the data's own range would mislead (a share of projects runs from 0 to 100 %), and category
/// labels for an axis of names rather than numbers (positions 0, 1, ...).
/// </summary>
internal sealed record ChartAxis(string Title, string Suffix = "")
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Bars only: cut the few bars that are far longer than the rest at the end of the axis, marked, rather than shrink the rest to slivers.</summary>
    public bool CutOutliers { get; init; }
}
