using System.Globalization;
using System.Text.RegularExpressions;
using IsdnSim.Analysis.Experiments;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// The report of <c>isdnsim sweep</c>: the grid of parameter values, each point's headline
/// figures, and for the key figures a chart against the first parameter, one line for each
/// combination of the others.
/// </summary>
public static partial class SweepReport
{
    /// <summary>The first few metrics are the general ones; the per-process lead times follow later in the list.</summary>
    private const int ChartedGeneralMetrics = 7;

    /// <summary>report.html, and each of its figures also as figures/&lt;name&gt;.svg.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportContext context, SweepResult result)
    {
        var page = new HtmlPage($"{context.ScenarioName}: parameter sweep");
        var replications = ReportSections.Replications(context, result.Cells);
        var charted = result.Metrics.Select((metric, m) => (metric, m))
            .Where(x => x.m < ChartedGeneralMetrics || x.metric.Key.StartsWith("lead_time_mean:", StringComparison.Ordinal))
            .ToList();

        page.Heading(2, "How to read this report");
        page.Paragraph(
            "A sweep runs the scenario at every combination of the parameter values below (the points of a grid). " +
            $"Each point was simulated {ReportFormat.Count(replications)} times (replications) with different random numbers; figures are the mean over " +
            "the replications with a 95 % interval in brackets, the range that contains the true mean of the model with 95 % confidence. " +
            "All points use the same seed and replications (common random numbers): as far as a parameter leaves demand unchanged, every point sees the same projects " +
            "with the same work, so differences between points come from the parameters rather than from chance. The intervals are not adjusted for the " +
            "number of points: among many points, a few will seem to differ by chance.");
        page.Facts(ReportSections.Facts(context, "point", replications));
        if (context.Variants.Count > 0)
        {
            page.Heading(2, "Variant applied at every point");
            ReportSections.Variants(page, context.Variants, null);
        }

        page.Heading(2, "Parameters");
        page.Table("parameters", ["Parameter (path in the scenario file)", "Values"],
            result.Parameters.Select(p => (IReadOnlyList<HtmlCell>)[HtmlCell.Text(p.Path), HtmlCell.Text(string.Join(", ", p.Values))]));

        ReportSections.Stability(page, context, result.Cells, result.Metrics, "points");

        page.Heading(2, "Points");
        page.Paragraph("Each figure is the mean over the replications, with its 95 % interval in brackets.");
        var headers = new List<string> { "Point" };
        headers.AddRange(result.Parameters.Select(p => p.Path));
        headers.AddRange(charted.Select(x => ReportFormat.LabelWithUnit(x.metric)));
        page.Table("points", headers, result.Points.Select((point, i) =>
        {
            var row = new List<HtmlCell> { HtmlCell.Text(point.Cell) };
            row.AddRange(point.Values.Select(HtmlCell.Text));
            row.AddRange(charted.Select(x => HtmlCell.Number(ReportFormat.Estimate(x.metric, result.Cells[i].Metrics[x.m]))));
            return (IReadOnlyList<HtmlCell>)row;
        }));

        if (result.Parameters.Count > 0)
        {
            page.Heading(2, $"Key figures against {result.Parameters[0].Path}");
            foreach (var (metric, m) in charted)
            {
                Chart(page, result, metric, m);
            }
        }

        return page.Finish(context.ProgramVersion);
    }

    private static void Chart(HtmlPage page, SweepResult result, MetricDefinition metric, int m)
    {
        var first = result.Parameters[0];
        var numbers = first.Values.Select(ParseNumber).ToList();
        var units = numbers.Select(n => n?.Unit).Distinct().ToList();
        // Numbers in one unit make a numeric axis; anything else (names, mixed units) is a list of categories.
        var numeric = numbers.All(n => n is not null) && units.Count == 1;
        var xTitle = numeric && units is [{ Length: > 0 } unit] ? $"{first.Path} ({unit})" : first.Path;
        var xAxis = numeric ? new ChartAxis(xTitle) : new ChartAxis(xTitle) { Categories = first.Values };

        var scale = ReportFormat.Scale(metric);
        var series = result.Points.Select((point, i) => (point, cell: result.Cells[i]))
            .GroupBy(p => string.Join(", ", result.Parameters.Skip(1).Select((parameter, j) => $"{parameter.Path} = {p.point.Values[j + 1]}")))
            .Select(line => new ChartSeries(line.Key.Length == 0 ? metric.Label : line.Key, [.. line.Select(p =>
            {
                var position = first.Values.ToList().IndexOf(p.point.Values[0]);
                var estimate = p.cell.Metrics[m];
                var x = numeric ? numbers[position]!.Value.Value : position;
                var tooltip = $"{first.Path} = {p.point.Values[0]}" + (line.Key.Length == 0 ? "" : $"; {line.Key}") + $": {ReportFormat.Estimate(metric, estimate)}";
                return new ChartPoint(x, estimate.Mean * scale, estimate.Low * scale, estimate.High * scale, tooltip);
            }).OrderBy(p => p.X)]))
            .ToList();
        if (series.All(s => s.Points.All(p => !double.IsFinite(p.Y))))
        {
            page.Paragraph($"{metric.Label}: undefined at every point.");
            return;
        }

        var svg = SvgChart.Lines(metric.Label, xAxis, new ChartAxis(ReportFormat.Unit(metric), ReportFormat.IsShare(metric) ? " %" : ""), series);
        page.Figure($"sweep-{m + 1}-{ReportSections.Slug(metric.Key)}", svg,
            $"{metric.Label}: mean over the replications at each value of {first.Path}, with its 95 % interval as a whisker" +
            (result.Parameters.Count > 1 ? "; one line for each combination of the other parameters." : "."));
    }

    /// <summary>A parameter value as a number, with the unit it was written in ("12wd" is 12 in working days); null if it is not a number.</summary>
    private static (double Value, string Unit)? ParseNumber(string text)
    {
        var match = NumberWithUnit().Match(text);
        return match.Success && double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (value, match.Groups["unit"].Value)
            : null;
    }

    [GeneratedRegex(@"^\s*(?<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(?<unit>[A-Za-z%/]*)\s*$")]
    private static partial Regex NumberWithUnit();
}
