using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Presentation.Html;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// The report of <c>isdnsim compare</c>, for a reform commission as much as for researchers:
/// what was compared and how to read it, the headline figures with each variant's difference
/// to the baseline in words (better, worse, no clear difference), and the figures behind them:
/// lead-time distributions, where the work piles up year by year, which agencies decide the
/// lead time, and the deadlines set by law.
/// </summary>
public static class CompareReport
{
    private const int HeatmapAgencies = 12;

    private const int TableAgencies = 8;

    /// <summary>Fewer in the chart than in the tables: the union over the variants, at one bar per variant each, would not fit a printed page.</summary>
    private const int ChartAgencies = 5;

    /// <summary>report.html, and each of its figures also as figures/&lt;name&gt;.svg.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportContext context, ComparisonResult result)
    {
        var page = new HtmlPage($"{context.ScenarioName}: comparison of reform variants");
        var report = new Writer(context, result, page);
        report.Introduction();
        report.Variants();
        ReportSections.Stability(page, context, result.Cells, result.Metrics, "variants");
        report.Headline();
        ReportSections.Arrivals(page, context, result.Cells, result.Metrics);
        report.DifferencePlot();
        report.CostAndLeadTime();
        report.LeadTimeDistributions();
        report.Utilisation();
        report.Bottlenecks();
        report.Deadlines();
        return page.Finish(context.ProgramVersion);
    }

    private sealed class Writer(ReportContext context, ComparisonResult result, HtmlPage page)
    {
        private readonly CellSummary _baseline = result.Cell(result.Baseline);

        private IEnumerable<CellSummary> Others => result.Cells.Where(c => c.Cell != result.Baseline);

        private string BaselineName => Name(result.Baseline);

        public void Introduction()
        {
            var level = result.Differences.Select(d => d.Level).DefaultIfEmpty(ComparisonResult.FamilyLevel).First();
            var adjusted = result.Cells.Count > 2
                ? $" With {result.Cells.Count - 1} variants against the baseline, each difference interval is at {ReportSections.Level(level)} instead of 95 % " +
                  "(Bonferroni), so that all comparisons of a metric hold together with 95 % confidence."
                : "";
            page.Heading(2, "How to read this report");
            page.Paragraph(
                $"Each variant is a possible reform of the administration; \"{BaselineName}\" is the baseline the others are measured against. " +
                $"Every variant was simulated {ReportFormat.Count(ReportSections.Replications(context, result.Cells))} times (replications) with different random numbers. " +
                "Figures are the mean over the replications with a 95 % interval in brackets: the range that contains the true mean of the model " +
                "with 95 % confidence. All variants use common random numbers: in each replication, every variant sees the same projects with the same work, " +
                "so the difference to the baseline is taken replication by replication (paired), and what the variants share cancels out." + adjusted +
                " A difference whose interval excludes zero is marked better or worse; otherwise there is no clear difference at this number of replications." +
                " The table has many metrics, and each is tested on its own: across all of them, about one mark in twenty may come by chance," +
                " so read a single marked difference with its interval, and a pattern across related metrics with more confidence.");

            var facts = ReportSections.Facts(context, "variant", ReportSections.Replications(context, result.Cells));
            facts.Add(("Baseline", BaselineName));
            if (context.Precision is { } precision)
            {
                var reached = context.PrecisionReached switch
                {
                    true => "reached",
                    false => "not reached (stopped at the most replications allowed)",
                    null => "not known",
                };
                facts.Add(("Precision target", $"difference intervals of mean lead time and throughput within ±{ReportFormat.Percent(precision)} of the baseline's mean: {reached}"));
            }

            page.Facts(facts);
            page.Paragraph(MissingValues.Rule + " A paired difference is taken over the replications in which both variants have a value; " +
                           "where those are fewer than the replications of the means beside it, it says over how many and is marked †.");
            page.Paragraph(
                "Each metric says which way is better (lower or higher). An interval is cut at the values its figure can take: " +
                "no count, duration or cost below zero, no share above 100 %. The true mean lies within those bounds, so the cut interval " +
                "contains it as often as the t interval it comes from; the result files keep the t interval as computed.");
        }

        public void Variants()
        {
            page.Heading(2, "Variants");
            ReportSections.Variants(page, result.Cells.Select(c => context.Variants.FirstOrDefault(v => v.Id == c.Cell) ?? new VariantInfo(c.Cell, c.Cell, null, [])), result.Baseline);
        }

        public void Headline()
        {
            page.Heading(2, "Headline figures");
            var level = result.Differences.Select(d => d.Level).DefaultIfEmpty(ComparisonResult.FamilyLevel).First();
            var headers = new List<string> { "Metric" };
            headers.AddRange(result.Cells.Select(c => $"{Name(c.Cell)}{(c.IsStable ? "" : $" ({c.InstabilityNote})")}: mean [95 % interval]"));
            headers.AddRange(Others.Select(c => $"{Name(c.Cell)} − {BaselineName} [{ReportSections.Level(level)} interval]"));

            var rows = result.Metrics.Select((metric, m) =>
            {
                var row = new List<HtmlCell> { ReportSections.MetricCell(metric) };
                row.AddRange(result.Cells.Select(c => ReportSections.MeanCell(metric, c, c.Metrics[m])));
                row.AddRange(Others.Select(c => ReportSections.DifferenceCell(metric, result.DifferenceOf(c.Cell, m), c.MostlyUnstable || _baseline.MostlyUnstable)));
                return (IReadOnlyList<HtmlCell>)row;
            });
            page.Table("headline", headers, rows);
            ReportSections.MissingValueNotes(page, result, Name);
        }

        /// <summary>The key differences on one axis, as a share of the baseline's mean, since they come in different units.</summary>
        public void DifferencePlot()
        {
            var others = Others.ToList();
            var groups = result.Metrics.Select((metric, m) => (metric, m)).Where(x => ReportSections.IsKeyMetric(x.metric)).Select(x =>
                new BarGroup(x.metric.Label, [.. others.Select(c => RelativeDifference(x.metric, x.m, c.Cell))])).ToList();
            if (others.Count == 0 || groups.All(g => g.Values.All(v => v is null)))
            {
                return;
            }

            page.Heading(2, "Differences to the baseline");
            var svg = SvgChart.Bars($"Difference to {BaselineName}, key figures", new ChartAxis("Difference, % of the baseline's mean", " %") { CutOutliers = true },
                [.. others.Select(c => Name(c.Cell))], groups);
            page.Figure("differences", svg,
                "Each bar is a variant's mean difference to the baseline, as a percentage of the baseline's mean; the whisker is its interval. " +
                "A whisker that crosses the zero line means no clear difference. Shorter lead times are better, more projects finished per year are better. " +
                "Where a few differences are far larger than the rest, their bars are cut at the end of the axis (marked, and said below the chart) " +
                "so that the others stay readable; the value beside each bar is always its full difference.");
        }

        /// <summary>Each variant's yearly cost against its mean lead time, and which variants no other beats on both (the frontier).</summary>
        public void CostAndLeadTime()
        {
            var frontier = CostFrontier.Of(result);
            var index = result.Metrics.Select((m, i) => (m.Key, i)).ToDictionary(x => x.Key, x => x.i);
            if (frontier.Count == 0 || !index.TryGetValue(HeadlineMetrics.CostPerYear, out var cost) || !index.TryGetValue("lead_time_mean", out var lead))
            {
                return;
            }

            var perProject = index[HeadlineMetrics.CostPerFinishedProject];
            var companies = index["cost_per_year_companies"];
            page.Heading(2, "Cost and lead time");
            page.Paragraph(
                "What each variant's posts cost a year: the posts of every agency (staff times the share of each post that works on these processes) " +
                "at the yearly cost of their pay group, employer contributions included, plus the overhead surcharge on that staff cost and a workplace per post, " +
                "plus further yearly costs a variant brings (an IT platform, liaison posts). The administration's cost is what the public budget pays " +
                "(municipalities, Ämter, cities, districts, the state); companies and operators pay their staff from fees, tariffs and prices, so their cost is shown apart. " +
                "Councils are not costed: their members serve in an honorary capacity, and their sessions are prepared by the staffed agencies. " +
                "The cost per finished project is the yearly cost over the projects finished per year; it varies between replications with the projects finished. " +
                "A variant is on the frontier when no other variant is both cheaper (or as cheap) and faster (or as fast) on the means; a dominated variant " +
                "costs more for a longer lead time than one of those it names. Whether a gap is clear is in the headline table (paired differences to the baseline).");
            var points = frontier.ToDictionary(f => f.Cell);
            page.Table("costs", ["Variant", "Cost per year, administration (EUR) [95 % interval]", "Cost per finished project, administration (EUR) [95 % interval]",
                    "Cost per year, companies and operators (EUR)", "Lead time, mean (days) [95 % interval]", "Frontier"],
                result.Cells.Select(c => (IReadOnlyList<HtmlCell>)
                [
                    HtmlCell.Text(Name(c.Cell)),
                    HtmlCell.Number(ReportFormat.Estimate(result.Metrics[cost], c.Metrics[cost])),
                    HtmlCell.Number(ReportFormat.Estimate(result.Metrics[perProject], c.Metrics[perProject])),
                    HtmlCell.Number(ReportFormat.Estimate(result.Metrics[companies], c.Metrics[companies])),
                    HtmlCell.Number(ReportFormat.Estimate(result.Metrics[lead], c.Metrics[lead])),
                    HtmlCell.Text(points.TryGetValue(c.Cell, out var f)
                        ? f.OnFrontier ? "on the frontier" : $"dominated by {string.Join(", ", f.DominatedBy.Select(Name))}"
                        : ReportFormat.Undefined),
                ]));

            const double thousand = 1000;
            var scatter = result.Cells.Select(c =>
            {
                var x = c.Metrics[cost];
                var y = c.Metrics[lead];
                var (xLow, xHigh) = ReportFormat.Within(x, ReportFormat.Support(result.Metrics[cost]));
                var (yLow, yHigh) = ReportFormat.Within(y, ReportFormat.Support(result.Metrics[lead]));
                return new ScatterPoint(Name(c.Cell), x.Mean / thousand, y.Mean, xLow / thousand, xHigh / thousand, yLow, yHigh,
                    OnFrontier: points.TryGetValue(c.Cell, out var f) && f.OnFrontier);
            }).ToList();
            var svg = SvgChart.Scatter("Cost per year against lead time", new ChartAxis("Cost per year, administration (thousand EUR)"),
                new ChartAxis("Lead time, mean (days)"), scatter, "Frontier: no other variant is cheaper and faster");
            page.Figure("cost-lead-time", svg,
                "Each variant's yearly cost of the administration (horizontal) against its mean lead time (vertical), with their intervals. " +
                "Lower left is better on both. Filled points are on the frontier, joined by the dashed line; an open point is dominated: " +
                "another variant is at least as cheap and at least as fast.");
        }

        public void LeadTimeDistributions()
        {
            var series = result.Cells.Where(c => c.LeadTimePercentiles.Length > 0)
                .Select(c => new ChartSeries(Name(c.Cell), [.. c.LeadTimePercentiles.Select((days, p) => new ChartPoint(days, p))]))
                .ToList();
            page.Heading(2, "How long projects take");
            if (series.Count == 0)
            {
                page.Paragraph("No project finished after the warm-up in any variant.");
                return;
            }

            var svg = SvgChart.Lines("Lead time: share of projects finished within a given time",
                new ChartAxis("Lead time (days)") { Min = 0 }, new ChartAxis("Projects finished within (%)", " %") { Min = 0, Max = 100 }, series);
            page.Figure("lead-time-distribution", svg,
                "For every lead time on the horizontal axis, the share of finished projects that took at most that long (mean over the replications). " +
                "A curve further left and steeper means faster, more predictable procedures; the right end shows the slowest cases.");
        }

        public void Utilisation()
        {
            page.Heading(2, "Utilisation over time");
            page.Paragraph(
                $"The share of their working time the {HeatmapAgencies} busiest agencies of each variant spent working, year by year (mean over the replications). " +
                "Dark cells are agencies near or at their limit: there, queues grow. A bottleneck that moves from one agency to another over the years shows as a dark band that moves.");
            for (var i = 0; i < result.Cells.Count; i++)
            {
                var cell = result.Cells[i];
                var rows = cell.Busiest.Take(HeatmapAgencies)
                    .Select(a => new HeatmapRow(ReportSections.AgencyLabel(a), [.. a.YearUtilisation.Take(context.Years.Count).Select(y => y.Mean)]))
                    .ToList();
                if (rows.Count == 0 || context.Years.Count == 0)
                {
                    page.Paragraph($"{Name(cell.Cell)}: no agencies with staff.");
                    continue;
                }

                var svg = SvgChart.Heatmap($"Utilisation by year: {Name(cell.Cell)}", [.. context.Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))], rows, "Utilisation");
                page.Figure($"utilisation-{i + 1}-{ReportSections.Slug(cell.Cell)}", svg, $"{Name(cell.Cell)}: utilisation in percent of the staff's working time, per calendar year.");
            }
        }

        public void Bottlenecks()
        {
            page.Heading(2, "Bottlenecks");
            page.Paragraph(
                "For each variant, the busiest agencies, and the agencies that determined the lead time: for each finished project, the agency whose step " +
                "on the critical chain took longest (\"the duration of the most complicated step wins\"), as a share of all finished projects.");
            foreach (var cell in result.Cells)
            {
                page.Heading(3, Name(cell.Cell));
                page.Table(null, ["#", "Agency", "Organisation", "Staff", "Utilisation [95 % interval]", "Queue time caused (project-days) [95 % interval]"],
                    cell.Busiest.Take(TableAgencies).Select((a, rank) => (IReadOnlyList<HtmlCell>)
                    [
                        HtmlCell.Number(ReportFormat.Count(rank + 1)), HtmlCell.Text(a.Name), HtmlCell.Text(a.Organisation), HtmlCell.Number(ReportFormat.Count(a.Staff)),
                        HtmlCell.Number(ReportFormat.PercentEstimate(a.Utilisation)), HtmlCell.Number(ReportFormat.CountEstimate(a.WaitingCaused)),
                    ]));
                var determining = cell.Determining.Take(TableAgencies).ToList();
                if (determining.Count == 0)
                {
                    page.Paragraph("No project finished after the warm-up: no agency determined a lead time.");
                    continue;
                }

                page.Table(null, ["#", "Agency with the longest critical step", "Organisation", "Share of finished projects [95 % interval]"],
                    determining.Select((a, rank) => (IReadOnlyList<HtmlCell>)
                    [
                        HtmlCell.Number(ReportFormat.Count(rank + 1)), HtmlCell.Text(a.Name), HtmlCell.Text(a.Organisation), HtmlCell.Number(ReportFormat.PercentEstimate(a.DeterminingShare)),
                    ]));
            }

            var agencies = result.Cells.SelectMany(c => c.Determining.Take(ChartAgencies)).Select(a => (a.Agent, a.Agency)).Distinct().ToList();
            if (agencies.Count == 0)
            {
                return;
            }

            var groups = agencies.Select(key =>
            {
                var label = ReportSections.AgencyLabel(result.Cells.SelectMany(c => c.Agencies).First(a => (a.Agent, a.Agency) == key));
                return new BarGroup(label, [.. result.Cells.Select(c => c.Agencies.FirstOrDefault(a => (a.Agent, a.Agency) == key) is { } a ? PercentBar(a.DeterminingShare) : null)]);
            }).ToList();
            var svg = SvgChart.Bars("Which agency's step was the longest on the critical chain", new ChartAxis("Share of finished projects (%)", " %"),
                [.. result.Cells.Select(c => Name(c.Cell))], groups);
            page.Figure("critical-path", svg,
                $"The agencies among the top {ChartAgencies} of any variant (the tables above list {TableAgencies}), with the share of finished projects whose longest critical step they had, per variant; " +
                "a dash where a variant does not have the agency.");
        }

        public void Deadlines()
        {
            var deadlines = result.Cells.Select(c => c.Deadlines).FirstOrDefault(d => d.Count > 0);
            if (deadlines is null)
            {
                return;
            }

            page.Heading(2, "Deadlines set by law");
            page.Paragraph("Laws (shocks) that oblige groups of organisations to finish a procedure by a deadline: how many were obliged, and the share that finished on time.");
            var headers = new List<string> { "Law", "Group", "Deadline", "Obliged (mean)" };
            headers.AddRange(result.Cells.Select(c => $"{Name(c.Cell)}: on time [95 % interval]"));
            page.Table(null, headers, deadlines.Select((d, i) =>
            {
                var row = new List<HtmlCell> { HtmlCell.Text(d.ShockName), HtmlCell.Text(d.Group), HtmlCell.Number(ReportFormat.Date(d.Deadline)), HtmlCell.Number(ReportFormat.CountEstimate(d.Mandated)) };
                row.AddRange(result.Cells.Select(c => HtmlCell.Number(i < c.Deadlines.Count ? ReportFormat.PercentEstimate(c.Deadlines[i].Compliance) : ReportFormat.Undefined)));
                return (IReadOnlyList<HtmlCell>)row;
            }));

            var groups = deadlines.Select((d, i) => new BarGroup($"{d.ShockName}, {d.Group} (by {ReportFormat.Date(d.Deadline)})",
                [.. result.Cells.Select(c => i < c.Deadlines.Count ? PercentBar(c.Deadlines[i].Compliance) : null)])).ToList();
            var svg = SvgChart.Bars("On time by the deadline set by law", new ChartAxis("Obliged projects finished on time (%)", " %"),
                [.. result.Cells.Select(c => Name(c.Cell))], groups);
            page.Figure("deadlines", svg, "For each group obliged by a law, the share of its projects finished by the deadline, per variant, with its interval. " +
                "A group nobody was obliged in (no such organisation in the region) has no share and is named below the chart instead of drawn as an empty row.");
        }

        private string Name(string cell) => ReportSections.NameOf(context, cell);

        private static BarValue? PercentBar(Estimate share)
        {
            var (low, high) = ReportFormat.Within(share, (0, 1));
            return ReportFormat.IsDefined(share) ? new BarValue(share.Mean * 100, low * 100, high * 100, ReportFormat.Percent(share.Mean)) : null;
        }

        private BarValue? RelativeDifference(MetricDefinition metric, int m, string cell)
        {
            var baseline = Math.Abs(_baseline.Metrics[m].Mean);
            if (result.DifferenceOf(cell, m) is not { } difference || !ReportFormat.IsDefined(difference.Paired) || !(baseline > 0))
            {
                return null;
            }

            var paired = difference.Paired;
            var percent = 100 / baseline;
            var unstable = ReportSections.IsLeadTime(metric) && (result.Cell(cell).MostlyUnstable || _baseline.MostlyUnstable) ? "; unstable queue" : "";
            return new BarValue(paired.Mean * percent, paired.Low * percent, paired.High * percent,
                $"{ReportFormat.Signed(paired.Mean * percent, 1)} % ({ReportSections.Verdict(metric, difference).Word}{unstable})");
        }
    }
}
