using System.Xml.Linq;

namespace IsdnSim.Presentation.Reporting;

internal static partial class SvgChart
{
    private const double BarHeight = 14;

    private const double BarGap = 3;

    private const double GroupGap = 12;

    private const double MaxLabelWidth = 260;

    private const double MinPlotWidth = 320;

    private const double MaxNoteWidth = 310;

    /// <summary>Wider than the other charts: the notes beside the bars ("+6.5 % (no clear difference; unstable queue)") are long, and the plot area keeps its width beside them.</summary>
    private const double BarsWidth = 900;

    /// <summary>
    /// Bars beyond the axis are cut when the largest reaches at least this many times the largest
    /// of the others: below it, every bar keeps a readable length on an axis that shows them all.
    /// </summary>
    private const double OutlierRatio = 2.5;

    /// <summary>
    /// Horizontal bars from zero, grouped under a label with one bar per series, each with its
    /// interval as a whisker and its note printed to the right. Horizontal because the labels
    /// (agencies, metrics) are long; a label is wrapped onto more lines, never cut. One series
    /// makes a plain bar chart. A group without any value is left out and named below the chart.
    /// With <see cref="ChartAxis.CutOutliers"/>, a few bars far longer than the rest are cut at
    /// the end of the axis with a break mark, explained below the chart, so that the others stay readable; their notes
    /// still give their values, and the chart says so.
    /// </summary>
    public static string Bars(string title, ChartAxis value, IReadOnlyList<string> series, IReadOnlyList<BarGroup> allGroups)
    {
        var groups = allGroups.Where(g => g.Values.Any(Drawn)).ToList();
        var empty = allGroups.Where(g => !g.Values.Any(Drawn)).Select(g => g.Label).ToList();
        var bars = groups.SelectMany(g => g.Values).Where(Drawn).Select(b => b!).ToList();
        var extent = bars.SelectMany(b => new[] { b.Value, b.Low ?? b.Value, b.High ?? b.Value }).Where(double.IsFinite).Append(0).ToList();
        var limit = value.CutOutliers && value.Min is null && value.Max is null ? CutLimit(bars) : null;
        var scale = NiceScale.For(value.Min ?? Math.Max(extent.Min(), -(limit ?? double.PositiveInfinity)), value.Max ?? Math.Min(extent.Max(), limit ?? double.PositiveInfinity));

        var content = new List<object?>();
        var top = 34 + Legend(content, series, 28, lines: false) + 10;
        var noteWidth = Math.Clamp(bars.Select(b => TextWidth(b.Note)).DefaultIfEmpty(0).Max() + 4, 40, MaxNoteWidth);
        // Labels take what the notes leave beside a plot area of at least MinPlotWidth.
        var labelWidth = Math.Clamp(groups.Select(g => TextWidth(g.Label)).DefaultIfEmpty(0).Max(), 68, Math.Min(MaxLabelWidth, BarsWidth - noteWidth - 40 - MinPlotWidth));
        var labels = groups.Select(g => Wrap(g.Label, labelWidth)).ToList();
        var barsHeight = series.Count * (BarHeight + BarGap) - BarGap;
        var heights = labels.Select(l => Math.Max(barsHeight, l.Count * LineHeight)).ToList();
        var plot = new Plot(labelWidth + 22, top, BarsWidth - noteWidth - 18, top + GroupGap + heights.Sum(h => h + GroupGap));

        ValueAxis(content, scale, v => plot.X(scale, v), plot, horizontal: true, value.Title, value.Suffix);
        var zero = plot.X(scale, 0);
        var cut = false;
        var groupTop = plot.Top + GroupGap;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            content.Add(Label(plot.Left - 8, groupTop + heights[g] / 2, labels[g], "end", group.Label));
            var barsTop = groupTop + (heights[g] - barsHeight) / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var barTop = barsTop + s * (BarHeight + BarGap);
                var middle = barTop + BarHeight / 2;
                if (s >= group.Values.Count || !Drawn(group.Values[s]))
                {
                    content.Add(Text(plot.Right + 8, middle + 4, ReportFormat.Undefined));
                    continue;
                }

                var bar = group.Values[s]!;
                var end = plot.X(scale, Math.Clamp(bar.Value, scale.Min, scale.Max));
                var tooltip = series.Count > 1 ? $"{group.Label} — {series[s]}: {bar.Note}" : $"{group.Label}: {bar.Note}";
                content.Add(Rect(Math.Min(zero, end), barTop, Math.Abs(end - zero), BarHeight, Colour(s), Title(tooltip)));
                if (bar.Value > scale.Max || bar.Value < scale.Min)
                {
                    cut = true;
                    content.Add(CutMark(end + (bar.Value > scale.Max ? -10 : 10), barTop));
                }

                if (bar.Low is { } low && bar.High is { } high && double.IsFinite(low) && double.IsFinite(high) && high >= scale.Min && low <= scale.Max)
                {
                    content.Add(ClippedWhisker(plot.X(scale, Math.Max(low, scale.Min)), plot.X(scale, Math.Min(high, scale.Max)), middle, low >= scale.Min, high <= scale.Max));
                }

                content.Add(Text(plot.Right + 8, middle + 4, Fit(bar.Note, noteWidth), "start", Title(tooltip)));
            }

            groupTop += heights[g] + GroupGap;
        }

        content.Add(Line(zero, plot.Top, zero, plot.Bottom, "#333333", 1.5));
        // Notes below the axis title, each starting on its own line; the chart ends a little below the last.
        var height = plot.Bottom + 48;
        if (cut)
        {
            content.Add(Rect(10, height - 3, 30, BarHeight, "#777777"));
            content.Add(CutMark(25, height - 3));
            height = Note(content, height + 8, 48, "Bar cut at the end of the axis, so that the others stay readable: its value is written beside it.") + 8;
        }

        if (empty.Count > 0)
        {
            height = Note(content, height + 8, 10, $"No value in any {(series.Count > 1 ? "series" : "bar")}, left out: {string.Join("; ", empty)}.") + 8;
        }

        return Render(Svg(title, BarsWidth, height, content));
    }

    /// <summary>A note below a chart, wrapped, its first line on <paramref name="baseline"/>; returns the baseline of its last line.</summary>
    private static double Note(List<object?> content, double baseline, double x, string text)
    {
        var lines = Wrap(text, Width - x - 10);
        content.Add(Label(x, baseline - 4 + (lines.Count - 1) * LineHeight / 2, lines, "start", text));
        return baseline + (lines.Count - 1) * LineHeight;
    }

    private static bool Drawn(BarValue? bar) => bar is not null && double.IsFinite(bar.Value);

    /// <summary>
    /// Where to cut the axis: at the reach (bar or whisker, either side of zero) of the longest
    /// bar that is not an outlier, where at most a quarter of the bars are cut and the longest
    /// reaches <see cref="OutlierRatio"/> times as far; null when no bar is that far out.
    /// </summary>
    private static double? CutLimit(IReadOnlyList<BarValue> bars)
    {
        var reach = bars.Select(b => new[] { b.Value, b.Low ?? 0, b.High ?? 0 }.Where(double.IsFinite).Max(Math.Abs)).OrderDescending().ToList();
        for (var k = 1; k <= reach.Count / 4; k++)
        {
            if (reach[k] > 0 && reach[0] >= OutlierRatio * reach[k])
            {
                return reach[k];
            }
        }

        return null;
    }

    /// <summary>Two white slanted strokes across a bar near the end of the axis.</summary>
    private static object CutMark(double x, double barTop) =>
        El("g", A("stroke", "#ffffff"), A("stroke-width", 2),
            El("line", A("x1", x - 5), A("y1", barTop + BarHeight + 1), A("x2", x - 1), A("y2", barTop - 1)),
            El("line", A("x1", x + 1), A("y1", barTop + BarHeight + 1), A("x2", x + 5), A("y2", barTop - 1)));

    /// <summary>A horizontal whisker with a cap at each end inside the axis; an end beyond the axis runs to the axis's end without a cap.</summary>
    private static XElement ClippedWhisker(double from, double to, double across, bool capFrom, bool capTo, string stroke = "#333333", double cap = 4) =>
        El("g", Line(from, across, to, across, stroke),
            capFrom ? Line(from, across - cap, from, across + cap, stroke) : null,
            capTo ? Line(to, across - cap, to, across + cap, stroke) : null);
}
