using System.Globalization;

namespace IsdnSim.Presentation.Reporting;

internal static partial class SvgChart
{
    private const double CellHeight = 22;

    /// <summary>ColorBrewer's BuPu: light to dark, ordered in lightness, so it reads the same without colour vision and in grey print.</summary>
    private static readonly (int R, int G, int B)[] HeatStops =
    [
        (0xF7, 0xFC, 0xFD), (0xE0, 0xEC, 0xF4), (0xBF, 0xD3, 0xE6), (0x9E, 0xBC, 0xDA),
        (0x8C, 0x96, 0xC6), (0x8C, 0x6B, 0xB1), (0x88, 0x41, 0x9D), (0x6E, 0x01, 0x6B),
    ];

    /// <summary>
    /// A table of shares in colour, 0 light to 100 % and more dark, with the value in each cell
    /// where it fits and always on hover, and the colour scale below it.
    /// </summary>
    /// <param name="valueName">What the shares are, for the tooltips and the scale ("Utilisation").</param>
    public static string Heatmap(string title, IReadOnlyList<string> columns, IReadOnlyList<HeatmapRow> rows, string valueName)
    {
        var labelWidth = Math.Clamp(rows.Select(r => TextWidth(r.Label)).DefaultIfEmpty(0).Max() + 12, 80, 280);
        // A long label takes more lines and its row grows, rather than being cut to a prefix it may share with another row.
        var labels = rows.Select(r => Wrap(r.Label, labelWidth - 12)).ToList();
        var heights = labels.Select(l => Math.Max(CellHeight, l.Count * LineHeight + 6)).ToList();
        var cellWidth = Math.Clamp((Width - labelWidth - 20) / Math.Max(1, columns.Count), 14, 70);
        var width = Math.Max(Width, labelWidth + columns.Count * cellWidth + 20);
        var showValues = cellWidth >= 34;
        // Column labels at most every few columns when they would overlap.
        var labelEvery = (int)Math.Ceiling(TextWidth("0000") / (cellWidth - 4));

        var content = new List<object?>();
        var top = 58.0;
        for (var c = 0; c < columns.Count; c += labelEvery)
        {
            content.Add(Text(labelWidth + (c + 0.5) * cellWidth, top - 8, columns[c], "middle"));
        }

        var y = top;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var rowHeight = heights[r];
            content.Add(Label(labelWidth - 8, y + rowHeight / 2, labels[r], "end", row.Label));
            for (var c = 0; c < columns.Count; c++)
            {
                var share = c < row.Values.Count ? row.Values[c] : double.NaN;
                var x = labelWidth + c * cellWidth;
                var tooltip = $"{row.Label} — {columns[c]}: {valueName} {ReportFormat.Percent(share)}";
                content.Add(Rect(x, y, cellWidth - 1, rowHeight - 1, double.IsFinite(share) ? HeatColour(share) : "#dddddd", Title(tooltip)));
                if (showValues && double.IsFinite(share))
                {
                    content.Add(Text(x + cellWidth / 2, y + rowHeight / 2 + 4, Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture), "middle",
                        A("fill", share > 0.6 ? "#ffffff" : "#000000"), A("font-size", 11), A("pointer-events", "none")));
                }
            }

            y += rowHeight;
        }

        var legendTop = y + 16;
        content.Add(Text(labelWidth - 8, legendTop + 12, $"{valueName}:", "end"));
        for (var i = 0; i <= 10; i++)
        {
            var x = labelWidth + i * 24;
            var share = i / 10.0;
            content.Add(Rect(x, legendTop, 24, 14, HeatColour(share), Title(i == 10 ? "100 % and more" : ReportFormat.Percent(share))));
            if (i % 5 == 0)
            {
                content.Add(Text(x + 12, legendTop + 28, i == 10 ? "100 %+" : ReportFormat.Number(i * 10, 0) + " %", "middle"));
            }
        }

        return Render(Svg(title, width, legendTop + 40, content));
    }

    /// <summary>The colour of a share on the scale, clamped to 0 and 1.</summary>
    private static string HeatColour(double share)
    {
        var position = Math.Clamp(share, 0, 1) * (HeatStops.Length - 1);
        var i = Math.Min((int)position, HeatStops.Length - 2);
        var f = position - i;
        var (a, b) = (HeatStops[i], HeatStops[i + 1]);
        int Mix(int from, int to) => (int)Math.Round(from + (to - from) * f);
        return $"#{Mix(a.R, b.R):X2}{Mix(a.G, b.G):X2}{Mix(a.B, b.B):X2}";
    }
}
