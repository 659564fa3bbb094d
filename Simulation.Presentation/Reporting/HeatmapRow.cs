namespace IsdnSim.Presentation.Reporting;

/// <summary>A row of a heatmap: its label and one value per column (a share: 0 is empty, 1 is full; NaN where there is none).</summary>
internal sealed record HeatmapRow(string Label, IReadOnlyList<double> Values);
