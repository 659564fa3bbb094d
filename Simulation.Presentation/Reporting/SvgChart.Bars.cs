namespace IsdnSim.Presentation.Reporting;

internal static partial class SvgChart
{
    private const double BarHeight = 14;

    private const double BarGap = 3;

    private const double GroupGap = 12;

    /// <summary>
    /// Horizontal bars from zero, grouped under a label with one bar per series, each with its
    /// interval as a whisker and its note printed to the right. Horizontal because the labels
    /// (agencies, metrics) are long; one series makes a plain bar chart.
    /// </summary>
    public static string Bars(string title, ChartAxis value, IReadOnlyList<string> series, IReadOnlyList<BarGroup> groups)
    {
        var bars = groups.SelectMany(g => g.Values).OfType<BarValue>().Where(b => double.IsFinite(b.Value)).ToList();
        var extent = bars.SelectMany(b => new[] { b.Value, b.Low ?? b.Value, b.High ?? b.Value }).Where(double.IsFinite).Append(0).ToList();
        var scale = NiceScale.For(value.Min ?? extent.Min(), value.Max ?? extent.Max());

        var content = new List<object?>();
        var top = 34 + Legend(content, series, 28, lines: false) + 10;
        var labelWidth = Math.Clamp(groups.Select(g => TextWidth(g.Label)).DefaultIfEmpty(0).Max() + 12, 80, 280);
        var noteWidth = Math.Clamp(bars.Select(b => TextWidth(b.Note)).DefaultIfEmpty(0).Max() + 12, 40, 240);
        var groupHeight = series.Count * (BarHeight + BarGap) - BarGap;
        var plot = new Plot(labelWidth + 10, top, Width - noteWidth - 10, top + GroupGap + groups.Count * (groupHeight + GroupGap));
        var height = plot.Bottom + 48;

        ValueAxis(content, scale, v => plot.X(scale, v), plot, horizontal: true, value.Title, value.Suffix);
        var zero = plot.X(scale, 0);
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var groupTop = plot.Top + GroupGap + g * (groupHeight + GroupGap);
            content.Add(Text(plot.Left - 8, groupTop + groupHeight / 2 + 4, Fit(group.Label, labelWidth), "end", Title(group.Label)));
            for (var s = 0; s < series.Count; s++)
            {
                var barTop = groupTop + s * (BarHeight + BarGap);
                var middle = barTop + BarHeight / 2;
                if (s >= group.Values.Count || group.Values[s] is not { } bar || !double.IsFinite(bar.Value))
                {
                    content.Add(Text(plot.Right + 8, middle + 4, ReportFormat.Undefined));
                    continue;
                }

                var end = plot.X(scale, bar.Value);
                var tooltip = series.Count > 1 ? $"{group.Label} — {series[s]}: {bar.Note}" : $"{group.Label}: {bar.Note}";
                content.Add(Rect(Math.Min(zero, end), barTop, Math.Abs(end - zero), BarHeight, Colour(s), Title(tooltip)));
                if (bar.Low is { } low && bar.High is { } high && double.IsFinite(low) && double.IsFinite(high))
                {
                    content.Add(Whisker(plot.X(scale, low), plot.X(scale, high), middle, horizontal: true));
                }

                content.Add(Text(plot.Right + 8, middle + 4, Fit(bar.Note, noteWidth), "start", Title(tooltip)));
            }
        }

        content.Add(Line(zero, plot.Top, zero, plot.Bottom, "#333333", 1.5));
        return Render(Svg(title, Width, height, content));
    }
}
