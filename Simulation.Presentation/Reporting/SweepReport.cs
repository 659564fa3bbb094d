using System.Globalization;
using System.Text.RegularExpressions;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// The report of <c>isdnsim sweep</c>: the grid of parameter values, each point's headline
/// figures, and for the key figures a chart against the first parameter, one line for each
/// combination of the others. A sweep that compares variants adds, at every point, each
/// variant's paired difference to the baseline (marked better, worse or no clear difference, as
/// in the comparison report), charted against the first parameter.
/// </summary>
public static partial class SweepReport
{
    /// <summary>The first few metrics are the general ones; the per-process lead times follow later in the list.</summary>
    private const int ChartedGeneralMetrics = 7;

    /// <summary>report.html, and each of its figures also as figures/&lt;name&gt;.svg.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportContext context, SweepResult result)
    {
        var compared = result.Variants.Count > 0;
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
            "number of points: among many points, a few will seem to differ by chance." +
            (compared
                ? $" At every point each variant runs the same replications, and its difference to \"{Name(context, result.Variants[0])}\" is taken replication " +
                  "by replication (paired), as in a comparison of variants: the difference is marked better or worse where its interval excludes zero." +
                  (result.Variants.Count > 2 ? " With several variants, each difference interval is Bonferroni-adjusted, as a comparison's is." : "")
                : ""));
        page.Facts(ReportSections.Facts(context, compared ? "variant at each point" : "point", replications));
        if (context.Variants.Count > 0)
        {
            page.Heading(2, compared ? "Variants compared at every point" : "Variant applied at every point");
            ReportSections.Variants(page, context.Variants, compared ? result.Variants[0] : null);
        }

        page.Heading(2, "Parameters");
        page.Table("parameters", ["Parameter (path in the scenario file)", "Values"],
            result.Parameters.Select(p => (IReadOnlyList<HtmlCell>)[HtmlCell.Text(p.Path), HtmlCell.Text(string.Join(", ", p.Values))]));

        ReportSections.Stability(page, context, result.Cells, result.Metrics, compared ? "cells (a point and a variant)" : "points");

        page.Heading(2, "Points");
        page.Paragraph("Each figure is the mean over the replications, with its 95 % interval in brackets. " + MissingValues.Rule);
        var headers = new List<string> { "Point" };
        headers.AddRange(result.Parameters.Select(p => p.Path));
        if (compared)
        {
            headers.Add("Variant");
        }

        headers.AddRange(charted.Select(x => $"{ReportFormat.LabelWithUnit(x.metric)}, {ReportFormat.Direction(x.metric)}"));
        page.Table("points", headers, Levels(result).Select(level =>
        {
            var row = new List<HtmlCell> { HtmlCell.Text(level.Point.Cell) };
            row.AddRange(level.Point.Values.Select(HtmlCell.Text));
            if (compared)
            {
                row.Add(HtmlCell.Text(Name(context, level.Variant!)));
            }

            row.AddRange(charted.Select(x => ReportSections.MeanCell(x.metric, level.Cell, level.Cell.Metrics[x.m])));
            return (IReadOnlyList<HtmlCell>)row;
        }));

        if (compared)
        {
            Differences(page, context, result, charted);
        }

        if (result.Parameters.Count > 0)
        {
            page.Heading(2, $"Key figures against {result.Parameters[0].Path}");
            foreach (var (metric, m) in charted)
            {
                var lines = Levels(result).Select(level => (Line: Line(context, result, level.Point, level.Variant), level.Point, Value: level.Cell.Metrics[m]));
                Chart(page, result, metric, m, lines, $"sweep-{m + 1}-{ReportSections.Slug(metric.Key)}",
                    $"{metric.Label}: mean over the replications at each value of {result.Parameters[0].Path}, with its 95 % interval as a whisker" +
                    (result.Parameters.Count > 1 || compared ? $"; one line for each {(compared ? "variant and " : "")}combination of the other parameters." : "."));
            }
        }

        return page.Finish(context.ProgramVersion);
    }

    /// <summary>Each point's cells: one per point, or one per point and variant (baseline first).</summary>
    private static IEnumerable<(SweepPoint Point, string? Variant, CellSummary Cell)> Levels(SweepResult result) =>
        result.Variants.Count == 0
            ? result.Points.Select((point, i) => (point, (string?)null, result.Cells[i]))
            : result.Points.SelectMany((point, i) => result.Variants.Select((variant, v) => (point, (string?)variant, result.Comparisons[i].Cells[v])));

    /// <summary>At every point, each variant's paired difference to the baseline: a table, and a chart per key figure against the first parameter.</summary>
    private static void Differences(HtmlPage page, ReportContext context, SweepResult result, List<(MetricDefinition Metric, int M)> charted)
    {
        var baseline = Name(context, result.Variants[0]);
        var others = result.Variants.Skip(1).ToList();
        var level = result.Comparisons.SelectMany(c => c.Differences).Select(d => d.Level).DefaultIfEmpty(ComparisonResult.FamilyLevel).First();
        page.Heading(2, $"Differences to {baseline} at each point");
        page.Paragraph($"Each figure is the mean of the paired differences (variant − {baseline}) over the replications, with its {ReportSections.Level(level)} interval; " +
                       "better or worse where the interval excludes zero." +
                       (result.Comparisons.Any(c => MissingValues.UnequalPairs(c).Count > 0) ? " " + MissingValues.Pairs : ""));
        var headers = new List<string> { "Point" };
        headers.AddRange(result.Parameters.Select(p => p.Path));
        headers.Add("Variant");
        headers.AddRange(charted.Select(x => $"{ReportFormat.LabelWithUnit(x.Metric)}, {ReportFormat.Direction(x.Metric)}"));
        var rows = result.Points.SelectMany((point, i) => others.Select(variant =>
        {
            var row = new List<HtmlCell> { HtmlCell.Text(point.Cell) };
            row.AddRange(point.Values.Select(HtmlCell.Text));
            row.Add(HtmlCell.Text($"{Name(context, variant)} − {baseline}"));
            row.AddRange(charted.Select(x => ReportSections.DifferenceCell(x.Metric, result.Comparisons[i].DifferenceOf(SweepExperiment.CellId(point, variant), x.M))));
            return (IReadOnlyList<HtmlCell>)row;
        }));
        page.Table("differences", headers, rows);

        if (result.Parameters.Count == 0)
        {
            return;
        }

        page.Heading(3, $"Differences against {result.Parameters[0].Path}");
        foreach (var (metric, m) in charted)
        {
            var lines = result.Points.SelectMany((point, i) => others.Select(variant =>
                (Line: Line(context, result, point, variant) + $" − {baseline}", point, Value: result.Comparisons[i].DifferenceOf(SweepExperiment.CellId(point, variant), m)!.Paired)));
            Chart(page, result, metric, m, lines, $"sweep-difference-{m + 1}-{ReportSections.Slug(metric.Key)}",
                $"{metric.Label}: paired difference to {baseline} at each value of {result.Parameters[0].Path}, with its {ReportSections.Level(level)} interval as a whisker; " +
                "a whisker across zero means no clear difference at that point.", difference: true);
        }
    }

    /// <summary>The name of a line of a chart: the variant (if the sweep compares variants) and the values of the parameters after the first.</summary>
    private static string Line(ReportContext context, SweepResult result, SweepPoint point, string? variant)
    {
        var others = string.Join(", ", result.Parameters.Skip(1).Select((parameter, j) => $"{parameter.Path} = {point.Values[j + 1]}"));
        return variant is null ? others : others.Length == 0 ? Name(context, variant) : $"{Name(context, variant)}; {others}";
    }

    private static string Name(ReportContext context, string variant) => ReportSections.NameOf(context, variant);

    private static void Chart(HtmlPage page, SweepResult result, MetricDefinition metric, int m, IEnumerable<(string Line, SweepPoint Point, Estimate Value)> values,
        string name, string caption, bool difference = false)
    {
        var first = result.Parameters[0];
        var numbers = first.Values.Select(ParseNumber).ToList();
        var units = numbers.Select(n => n?.Unit).Distinct().ToList();
        // Numbers in one unit make a numeric axis; anything else (names, mixed units) is a list of categories.
        var numeric = numbers.All(n => n is not null) && units.Count == 1;
        var xTitle = numeric && units is [{ Length: > 0 } unit] ? $"{first.Path} ({unit})" : first.Path;
        var xAxis = numeric ? new ChartAxis(xTitle) : new ChartAxis(xTitle) { Categories = first.Values };

        var scale = ReportFormat.Scale(metric);
        var series = values
            .GroupBy(v => v.Line)
            .Select(line => new ChartSeries(line.Key.Length == 0 ? metric.Label : line.Key, [.. line.Select(p =>
            {
                var position = first.Values.ToList().IndexOf(p.Point.Values[0]);
                var estimate = p.Value;
                var x = numeric ? numbers[position]!.Value.Value : position;
                var text = difference ? ReportFormat.Difference(metric, estimate) : ReportFormat.Estimate(metric, estimate);
                var tooltip = $"{first.Path} = {p.Point.Values[0]}" + (line.Key.Length == 0 ? "" : $"; {line.Key}") + $": {text}";
                var (low, high) = difference ? (estimate.Low, estimate.High) : ReportFormat.Within(estimate, ReportFormat.Support(metric));
                return new ChartPoint(x, estimate.Mean * scale, low * scale, high * scale, tooltip);
            }).OrderBy(p => p.X)]))
            .ToList();
        if (series.All(s => s.Points.All(p => !double.IsFinite(p.Y))))
        {
            page.Paragraph($"{metric.Label}: undefined at every point.");
            return;
        }

        var yTitle = difference ? $"Difference, {ReportFormat.Unit(metric)}" : ReportFormat.Unit(metric);
        var svg = SvgChart.Lines(metric.Label, xAxis, new ChartAxis(yTitle, ReportFormat.IsShare(metric) ? " %" : ""), series);
        page.Figure(name, svg, caption);
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
