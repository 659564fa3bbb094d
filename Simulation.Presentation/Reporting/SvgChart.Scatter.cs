namespace IsdnSim.Presentation.Reporting;

/// <summary>A point of a scatter chart: named beside it, with optional intervals on both axes, and marked when it is on the frontier.</summary>
internal sealed record ScatterPoint(string Name, double X, double Y, double? XLow = null, double? XHigh = null, double? YLow = null, double? YHigh = null, bool OnFrontier = false);

internal static partial class SvgChart
{
    private const double ScatterHeight = 420;

    /// <summary>
    /// One point per item (a variant), named beside it, with its intervals as whiskers, and the
    /// points on the frontier joined by a line in the order of x: the trade-off of the items no
    /// other beats on both axes. Points with an undefined value are left out.
    /// </summary>
    public static string Scatter(string title, ChartAxis x, ChartAxis y, IReadOnlyList<ScatterPoint> points, string frontierLabel)
    {
        var drawn = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        static IEnumerable<double> Extent(double v, double? low, double? high) =>
            new[] { v, low ?? v, high ?? v }.Where(double.IsFinite);
        var xs = drawn.SelectMany(p => Extent(p.X, p.XLow, p.XHigh)).DefaultIfEmpty(0).ToList();
        var ys = drawn.SelectMany(p => Extent(p.Y, p.YLow, p.YHigh)).DefaultIfEmpty(0).ToList();
        var xScale = NiceScale.For(x.Min ?? xs.Min(), x.Max ?? xs.Max());
        var yScale = NiceScale.For(y.Min ?? ys.Min(), y.Max ?? ys.Max());

        var content = new List<object?>();
        var top = 44.0;
        content.Add(Line(10, top - 8, 26, top - 8, "#333333", 1.5, "5 3"));
        content.Add(Text(32, top - 4, frontierLabel));
        top += 10;
        var yLabels = yScale.Ticks.Select(t => ReportFormat.Number(t, yScale.Decimals) + y.Suffix);
        var plot = new Plot(30 + yLabels.Max(l => TextWidth(l)) + 8, top, Width - 20, ScatterHeight - 48, Inset: 14);
        ValueAxis(content, yScale, v => plot.Y(yScale, v), plot, horizontal: false, y.Title, y.Suffix);
        ValueAxis(content, xScale, v => plot.X(xScale, v), plot, horizontal: true, x.Title, x.Suffix);
        content.Add(El("rect", A("x", plot.Left), A("y", plot.Top), A("width", plot.Width), A("height", plot.Height), A("fill", "none"), A("stroke", "#999999")));

        var frontier = drawn.Where(p => p.OnFrontier).OrderBy(p => p.X).ToList();
        if (frontier.Count > 1)
        {
            content.Add(El("polyline",
                A("points", string.Join(" ", frontier.Select(p => $"{N(plot.X(xScale, p.X))},{N(plot.Y(yScale, p.Y))}"))),
                A("fill", "none"), A("stroke", "#333333"), A("stroke-width", 1.5), A("stroke-dasharray", "5 3"), Title(frontierLabel)));
        }

        var placed = new List<(double Left, double Top, double Right, double Bottom)>();
        for (var i = 0; i < drawn.Count; i++)
        {
            var p = drawn[i];
            var (px, py) = (plot.X(xScale, p.X), plot.Y(yScale, p.Y));
            if (p.XLow is { } xl && p.XHigh is { } xh && double.IsFinite(xl) && double.IsFinite(xh))
            {
                content.Add(Whisker(plot.X(xScale, xl), plot.X(xScale, xh), py, horizontal: true, Colour(i)));
            }

            if (p.YLow is { } yl && p.YHigh is { } yh && double.IsFinite(yl) && double.IsFinite(yh))
            {
                content.Add(Whisker(plot.Y(yScale, yl), plot.Y(yScale, yh), px, horizontal: false, Colour(i)));
            }

            var tooltip = $"{p.Name}: {ReportFormat.Number(p.X, xScale.Decimals)}{x.Suffix}, {ReportFormat.Number(p.Y, 1)}{y.Suffix}";
            content.Add(p.OnFrontier
                ? El("circle", A("cx", px), A("cy", py), A("r", 5), A("fill", Colour(i)), Title(tooltip))
                : El("circle", A("cx", px), A("cy", py), A("r", 5), A("fill", "white"), A("stroke", Colour(i)), A("stroke-width", 2), Title(tooltip)));
            Label(content, placed, p.Name, px, py, Colour(i));
        }

        return Render(Svg(title, Width, ScatterHeight, content));
    }

    /// <summary>
    /// A point's name beside it: to the right, or to the left where it would leave the chart, and
    /// moved up or down in steps of a line where it would cover a name already placed (points of
    /// equal cost sit on one vertical), with a thin line back to its point when moved.
    /// </summary>
    private static void Label(List<object?> content, List<(double Left, double Top, double Right, double Bottom)> placed, string name, double px, double py, string colour)
    {
        const double line = 15;
        var label = Fit(name, 300);
        var width = TextWidth(label);
        var right = px + 8 + width <= Width - 4;
        var left = right ? px + 8 : px - 8 - width;
        var baseline = py + 4;
        foreach (var step in new[] { 0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6 })
        {
            var candidate = py + 4 + step * line;
            if (!placed.Any(b => left < b.Right && b.Left < left + width && candidate - 11 < b.Bottom && b.Top < candidate + 3))
            {
                baseline = candidate;
                break;
            }
        }

        placed.Add((left, baseline - 11, left + width, baseline + 3));
        if (Math.Abs(baseline - (py + 4)) > 0.5)
        {
            content.Add(Line(px + (right ? 5 : -5), py, right ? left - 2 : left + width + 2, baseline - 4, colour, 0.75));
        }

        // A white halo, so that the frontier line or a whisker running behind the name does not strike it through.
        content.Add(Text(left, baseline, label, "start", A("paint-order", "stroke"), A("stroke", "#ffffff"), A("stroke-width", 3), A("stroke-linejoin", "round"), Title(name)));
    }
}
