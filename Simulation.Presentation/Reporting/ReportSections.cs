using System.Globalization;
using System.Text;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Presentation.Html;

namespace IsdnSim.Presentation.Reporting;

/// <summary>What the compare and the sweep report share: the facts of the experiment, the variants, names for files.</summary>
internal static class ReportSections
{
    /// <summary>The facts every experiment has; <paramref name="replicationsOf"/> says what was replicated ("variant", "point").</summary>
    public static List<(string Term, string Value)> Facts(ReportContext context, string replicationsOf, int replications) =>
    [
        ("Scenario file", context.ScenarioFile),
        ("Scenario hash", context.ScenarioHash.Length > 12 ? context.ScenarioHash[..12] : context.ScenarioHash),
        ("Seed", context.Seed.ToString(CultureInfo.InvariantCulture)),
        ("Start", ReportFormat.Date(context.Start)),
        ("Horizon", ReportFormat.Number(context.HorizonDays, 0) + " days"),
        ("Warm-up (not counted)", ReportFormat.Number(context.WarmupDays, 0) + " days"),
        ($"Replications per {replicationsOf}", ReportFormat.Count(replications)),
    ];

    /// <summary>Replications of each cell: as the summaries say, which a context left at its default cannot contradict.</summary>
    public static int Replications(ReportContext context, IReadOnlyList<CellSummary> cells) =>
        cells.Count > 0 ? cells.Max(c => c.Replications) : context.Replications;

    /// <summary>Each variant with its description and the changes it makes to the scenario.</summary>
    public static void Variants(HtmlPage page, IEnumerable<VariantInfo> variants, string? baseline)
    {
        foreach (var variant in variants)
        {
            page.Heading(3, variant.Id == baseline ? $"{variant.Name} (baseline)" : variant.Name);
            page.Paragraph($"Id: {variant.Id}." + (string.IsNullOrWhiteSpace(variant.Description) ? "" : " " + variant.Description));
            if (variant.Changes.Count == 0)
            {
                page.Paragraph("No changes: the administration as the scenario file describes it.");
            }
            else
            {
                page.List(variant.Changes);
            }
        }
    }

    /// <summary>A cell's name for a reader: its variant's name if it is one.</summary>
    public static string NameOf(ReportContext context, string cell) => context.Variants.FirstOrDefault(v => v.Id == cell)?.Name ?? cell;

    /// <summary>A confidence level as "95 %" or "97.5 %".</summary>
    public static string Level(double level) => (level * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>A piece of a file name from any text: lower-case letters, digits and dashes.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().TrimEnd('-');
        return result.Length == 0 ? "x" : result[..Math.Min(40, result.Length)].TrimEnd('-');
    }

    /// <summary>The headline metrics worth a chart: the key figures, and the lead time of each process.</summary>
    public static bool IsKeyMetric(MetricDefinition metric) =>
        metric.Key is "lead_time_mean" or "throughput_per_year" || metric.Key.StartsWith("lead_time_mean:", StringComparison.Ordinal);

    /// <summary>
    /// A warning section when any cell did not reach a steady state (an agency saturated or its
    /// work in progress growing, or most arrived projects unfinished): its lead times count the
    /// finished projects only and grow with the horizon. Nothing when every cell is stable.
    /// </summary>
    public static void Stability(HtmlPage page, ReportContext context, IReadOnlyList<CellSummary> cells, IReadOnlyList<MetricDefinition> metrics, string cellsAre)
    {
        var unstable = cells.Where(c => !c.IsStable).ToList();
        if (unstable.Count == 0)
        {
            return;
        }

        page.Heading(2, "Warning: unstable queues");
        page.Paragraph(
            $"In {unstable.Count} of {cells.Count} {cellsAre}, demand reaches the capacity of an agency or most arrived projects did not finish by the horizon. " +
            "There the queue has no steady state: the lead times count finished projects only, understate the delay, and grow with the horizon. " +
            "Read work in progress and the share of arrived projects finished instead. An agency is flagged when it was busy at least " +
            ReportFormat.Percent(AgencyStability.SaturatedUtilisation) + " of its available time with work still waiting at the horizon, " +
            "or when its work in progress rose by more than a stable queue can explain (see the model documentation).");
        foreach (var cell in unstable)
        {
            page.Heading(3, NameOf(context, cell.Cell));
            page.List(CellWarnings.Of(cell, metrics));
        }
    }

    /// <summary>A metric's label and unit in a table, with the direction that is better below it.</summary>
    public static HtmlCell MetricCell(MetricDefinition metric) =>
        new($"{HtmlText.Escape(ReportFormat.LabelWithUnit(metric))}<span class=\"direction\">{ReportFormat.Direction(metric)}</span>");

    /// <summary>
    /// A paired difference to the baseline in a table: the difference with its interval, and the
    /// verdict in words; "over n replications †" where the pairs are fewer than the replications of
    /// the means beside it (<see cref="MissingValues"/>), and "unstable queue" for a lead time of a
    /// comparison in which either side is unstable in most replications (<paramref name="unstable"/>):
    /// the lead times it compares count finished projects only and grow with the horizon.
    /// </summary>
    public static HtmlCell DifferenceCell(MetricDefinition metric, Difference? difference, bool unstable = false)
    {
        if (difference is null || !ReportFormat.IsDefined(difference.Paired))
        {
            return HtmlCell.Number(ReportFormat.Undefined);
        }

        var (word, css) = Verdict(metric, difference);
        var title = $"Paired difference over {ReportFormat.Count(difference.Paired.N)} replications, {Level(difference.Level)} interval";
        var pairs = difference.OnTheReplicationsOfTheMeans ? "" : $"<br><span class=\"count\">over {ReportFormat.Count(difference.Paired.N)} replication{(difference.Paired.N == 1 ? "" : "s")} †</span>";
        var steady = unstable && IsLeadTime(metric) ? "<br><span class=\"unstable\">unstable queue</span>" : "";
        return new HtmlCell($"{HtmlCell.NumberHtml(ReportFormat.Difference(metric, difference.Paired))}<br><strong>{word}</strong>{pairs}{steady}", $"num {css}", title);
    }

    /// <summary>
    /// A cell's mean in a table, with "n = 13 of 30" where fewer replications than the cell's have a
    /// value, and "understated" for a lead time of a cell unstable in most replications (<see cref="CellSummary.MostlyUnstable"/>).
    /// </summary>
    public static HtmlCell MeanCell(MetricDefinition metric, CellSummary cell, Estimate value)
    {
        var count = ReportFormat.IsDefined(value) && value.N < cell.Replications
            ? $"<br><span class=\"count\">n = {ReportFormat.Count(value.N)} of {ReportFormat.Count(cell.Replications)}</span>"
            : "";
        var understated = cell.MostlyUnstable && IsLeadTime(metric) && ReportFormat.IsDefined(value) ? "<br><span class=\"unstable\">understated (unstable)</span>" : "";
        return new HtmlCell(HtmlCell.NumberHtml(ReportFormat.Estimate(metric, value)) + count + understated, "num");
    }

    /// <summary>Lead times count finished projects only: in an unstable queue they understate the delay.</summary>
    public static bool IsLeadTime(MetricDefinition metric) => metric.Key.StartsWith("lead_time", StringComparison.Ordinal);

    /// <summary>
    /// The rule for figures some replications have no value of, and, where it applied, which
    /// figures, why that biases lead times, and each difference marked †.
    /// </summary>
    public static void MissingValueNotes(HtmlPage page, ComparisonResult result, Func<string, string> name)
    {
        var lines = MissingValues.Lines(result, name);
        if (lines.Count == 0)
        {
            return;
        }

        page.Heading(3, "Warning: not every replication has a value");
        page.Paragraph(MissingValues.Rule);
        page.List(lines);
        if (MissingValues.Incomplete(result).Any(m => IsLeadTime(result.Metrics[m])))
        {
            page.Paragraph(MissingValues.Bias);
        }

        var unequal = MissingValues.UnequalPairs(result);
        if (unequal.Count > 0)
        {
            page.Paragraph(MissingValues.Pairs);
            page.List(unequal.Select(d => MissingValues.Line(result, d, name, (metric, value) => ReportFormat.Estimate(metric, Estimate.Of([value])))));
        }
    }

    /// <summary>
    /// Projects arrived after the warm-up against those of them finished by the horizon, per
    /// process and cell, with the replications in which the process had a lead time at all.
    /// </summary>
    public static void Arrivals(HtmlPage page, ReportContext context, IReadOnlyList<CellSummary> cells, IReadOnlyList<MetricDefinition> metrics)
    {
        var balances = cells.Select(c => ArrivalBalance.Of(c, metrics)).ToList();
        if (balances.Count == 0 || balances.All(b => b.All(x => x.Replications == 0)))
        {
            return;
        }

        page.Heading(2, "Arrived and finished projects");
        page.Paragraph(
            $"Projects that arrived in the {ReportFormat.Count(context.HorizonDays - context.WarmupDays)} days after the warm-up, and of these the ones finished by the horizon, per replication (mean), " +
            "with the share finished (pooled over the replications) and the replications in which a project of the process finished at all, which are those its lead time is the mean over. " +
            "An administration that keeps up finishes nearly what arrives; one that does not falls behind by a number that grows with the horizon, and its lead times, " +
            "which count finished projects only, understate the delay. Red: most arrived projects surely did not finish.");
        var headers = new List<string> { "Process" };
        headers.AddRange(cells.Select(c => $"{NameOf(context, c.Cell)}: finished of arrived (share); replications with a lead time"));
        var rows = new List<IReadOnlyList<HtmlCell>>();
        for (var p = 0; p < balances[0].Count; p++)
        {
            var row = p;
            if (balances.All(b => row >= b.Count || b[row].Arrived == 0))
            {
                continue;
            }

            rows.Add([HtmlCell.Text(balances[0][row].Name), .. balances.Select(b => row < b.Count ? ArrivalCell(b[row]) : HtmlCell.Number(ReportFormat.Undefined))]);
        }

        page.Table("arrivals", headers, rows);
    }

    private static HtmlCell ArrivalCell(ArrivalBalance b)
    {
        if (b.Arrived == 0)
        {
            return HtmlCell.Number(ReportFormat.Undefined);
        }

        var text = $"{ReportFormat.Number(b.FinishedPerReplication, 1)} of {ReportFormat.Number(b.ArrivedPerReplication, 1)} ({ReportFormat.Percent(b.FinishedShare)}); " +
                   $"{ReportFormat.Count(b.WithLeadTime)} of {ReportFormat.Count(b.AllReplications)}";
        return new HtmlCell(HtmlText.Escape(text), b.MostlyUnfinished ? "num worse" : "num");
    }

    /// <summary>Better or worse where the interval excludes zero, in the direction the metric should move.</summary>
    public static (string Word, string Css) Verdict(MetricDefinition metric, Difference difference)
    {
        if (difference.Paired.HalfWidth is null)
        {
            return ("no interval (one replication)", "same");
        }

        if (!difference.Significant)
        {
            return ("no clear difference", "same");
        }

        var better = difference.Paired.Mean < 0 == (metric.Better == Better.Lower);
        return better ? ("better", "better") : ("worse", "worse");
    }

    public static string AgencyLabel(AgencyEstimates agency) => $"{agency.Name} — {agency.Organisation}";
}
