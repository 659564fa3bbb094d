namespace IsdnSim.Presentation.Reporting;

internal static partial class SvgChart
{
    private const double LinesHeight = 380;

    /// <summary>More points than this make a curve, not a set of measurements: no markers then.</summary>
    private const int MarkedPoints = 40;

    /// <summary>
    /// Lines over a numeric or categorical x axis, one per series, with a marker and an interval
    /// whisker at each point where a series has few points. Points with an undefined value are left out.
    /// </summary>
    public static string Lines(string title, ChartAxis x, ChartAxis y, IReadOnlyList<ChartSeries> series)
    {
        var drawn = series.Select(s => s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList()).ToList();
        var all = drawn.SelectMany(p => p).ToList();
        var ys = all.SelectMany(p => new[] { p.Y, p.Low ?? p.Y, p.High ?? p.Y }).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var yScale = NiceScale.For(y.Min ?? ys.Min(), y.Max ?? ys.Max());
        var xScale = x.Categories is { } categories
            ? new NiceScale(-0.5, categories.Count - 0.5, 1)
            : NiceScale.For(x.Min ?? all.Select(p => p.X).DefaultIfEmpty(0).Min(), x.Max ?? all.Select(p => p.X).DefaultIfEmpty(0).Max());

        var content = new List<object?>();
        var top = 34 + Legend(content, [.. series.Select(s => s.Name)], 28, lines: true) + 10;
        var yLabels = yScale.Ticks.Select(t => ReportFormat.Number(t, yScale.Decimals) + y.Suffix);
        var plot = new Plot(30 + yLabels.Max(l => TextWidth(l)) + 8, top, Width - 20, LinesHeight - 48, Inset: 10);

        ValueAxis(content, yScale, v => plot.Y(yScale, v), plot, horizontal: false, y.Title, y.Suffix);
        if (x.Categories is { } names)
        {
            var slot = plot.Width / Math.Max(1, names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                content.Add(Text(plot.X(xScale, i), plot.Bottom + 16, Fit(names[i], slot - 4), "middle", Title(names[i])));
            }

            AxisTitle(content, plot, horizontal: true, x.Title);
        }
        else
        {
            ValueAxis(content, xScale, v => plot.X(xScale, v), plot, horizontal: true, x.Title, x.Suffix);
        }

        content.Add(El("rect", A("x", plot.Left), A("y", plot.Top), A("width", plot.Width), A("height", plot.Height), A("fill", "none"), A("stroke", "#999999")));
        for (var s = 0; s < series.Count; s++)
        {
            // Series side by side, a few pixels apart, so that intervals at the same x do not hide each other.
            var dodge = drawn[s].Count <= MarkedPoints && series.Count > 1 ? (s - (series.Count - 1) / 2.0) * Math.Min(3, 24.0 / series.Count) : 0;
            var points = drawn[s].Select(p => (Point: p, X: plot.X(xScale, p.X) + dodge, Y: plot.Y(yScale, p.Y))).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            content.Add(El("polyline",
                A("points", string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))),
                A("fill", "none"), A("stroke", Colour(s)), A("stroke-width", 2), Dash(s) is { } dash ? A("stroke-dasharray", dash) : null,
                Title(series[s].Name)));
            if (points.Count > MarkedPoints)
            {
                continue;
            }

            foreach (var (point, px, py) in points)
            {
                if (point.Low is { } low && point.High is { } high && double.IsFinite(low) && double.IsFinite(high))
                {
                    content.Add(Whisker(plot.Y(yScale, low), plot.Y(yScale, high), px, horizontal: false, Colour(s)));
                }

                content.Add(El("circle", A("cx", px), A("cy", py), A("r", 3.5), A("fill", Colour(s)), Title(point.Tooltip ?? series[s].Name)));
            }
        }

        return Render(Svg(title, Width, LinesHeight, content));
    }
}
