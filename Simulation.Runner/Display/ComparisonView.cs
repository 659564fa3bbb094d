using System.Globalization;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Statistics;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>The terminal summary of a comparison: each metric per variant, and each variant's difference to the baseline.</summary>
internal static class ComparisonView
{
    public static void Render(IAnsiConsole console, CompareOutcome outcome)
    {
        var r = outcome.Result;
        var others = r.Cells.Where(c => c.Cell != r.Baseline).ToList();
        var level = others.Count > 0 ? r.Differences[0].Level : ComparisonResult.FamilyLevel;

        // Named before the long table as well as after it, so that it is not missed.
        foreach (var cell in r.Cells.Where(c => !c.IsStable))
        {
            console.MarkupLine($"[red]Warning: {Markup.Escape(cell.Cell)} has an unstable queue:[/] {Markup.Escape(CellWarnings.Summary(cell, r.Metrics))} " +
                               (cell.MostlyUnstable
                                   ? "Its lead times count finished projects only and understate the delay (details below the tables)."
                                   : "In most replications its queues were stable (details below the tables)."));
        }

        var table = new Table()
            .Title($"Variants against {Markup.Escape(r.Baseline)}, {outcome.Replications} replications each (mean ± 95 % CI, over n replications where fewer have a value; differences paired, at {level:P1} each)")
            .AddColumn("Metric");
        foreach (var cell in r.Cells)
        {
            table.AddColumn(Markup.Escape(cell.Cell) + (cell.IsStable ? "" : $" [red]({Markup.Escape(cell.InstabilityNote)})[/]"));
        }

        foreach (var cell in others)
        {
            table.AddColumn(Markup.Escape($"{cell.Cell} − {r.Baseline}"));
        }

        // Metrics nobody could measure (a deadline group with nobody obliged) are in the files, not here.
        foreach (var m in Enumerable.Range(0, r.Metrics.Count).Where(m => r.Cells.Any(c => c.Metrics[m].N > 0)))
        {
            var metric = r.Metrics[m];
            var format = Format(metric);
            var row = new List<string> { Markup.Escape(metric.Label) };
            row.AddRange(r.Cells.Select(c => SummaryView.Format(c.Metrics[m], format) + CountText(c.Metrics[m], c.Replications)));
            row.AddRange(others.Select(c => DifferenceText(r.DifferenceOf(c.Cell, m)!, metric, format)));
            table.AddRow(row.ToArray());
        }

        console.Write(table);
        RenderMissingValues(console, r);
        RenderArrivals(console, r.Cells, r.Metrics, c => c.Cell);
        RenderWarnings(console, r.Cells, r.Metrics, c => c.Cell);
    }

    /// <summary>" (n=13)" after a mean over fewer replications than the cell has; nothing when all have a value.</summary>
    internal static string CountText(Estimate e, int replications) =>
        e.N < replications ? string.Create(CultureInfo.InvariantCulture, $" (n={e.N})") : "";

    /// <summary>
    /// The rule for figures without a value in some replications, with the metrics it touched, and
    /// each paired difference not taken over the replications of its means (marked †); nothing
    /// when every replication has every figure.
    /// </summary>
    private static void RenderMissingValues(IAnsiConsole console, ComparisonResult r)
    {
        var lines = MissingValues.Lines(r, c => c);
        if (lines.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[yellow]Warning: not every replication has a value.[/] {Markup.Escape(MissingValues.Rule)}");
        foreach (var line in lines)
        {
            console.MarkupLine(Markup.Escape("  " + line));
        }

        if (lines.Count > 0 && MissingValues.Incomplete(r).Any(m => r.Metrics[m].Key.StartsWith("lead_time", StringComparison.Ordinal)))
        {
            console.MarkupLine(Markup.Escape(MissingValues.Bias));
        }

        var unequal = MissingValues.UnequalPairs(r);
        if (unequal.Count > 0)
        {
            console.MarkupLine(Markup.Escape(MissingValues.Pairs));
            foreach (var d in unequal)
            {
                console.MarkupLine(Markup.Escape("  " + MissingValues.Line(r, d, c => c, Value)));
            }
        }
    }

    /// <summary>Projects arrived after the warm-up against those of them finished by the horizon, per replication, per process and variant.</summary>
    internal static void RenderArrivals(IAnsiConsole console, IReadOnlyList<CellSummary> cells, IReadOnlyList<MetricDefinition> metrics, Func<CellSummary, string> name)
    {
        var balances = cells.Select(c => ArrivalBalance.Of(c, metrics)).ToList();
        if (balances.Count == 0 || balances.All(b => b.All(x => x.Replications == 0)))
        {
            return;
        }

        var table = new Table().Title("Arrived after the warm-up, and of these finished by the horizon (per replication, mean)").AddColumn("Process");
        foreach (var cell in cells)
        {
            table.AddColumn(Markup.Escape(name(cell)));
        }

        for (var p = 0; p < balances[0].Count; p++)
        {
            var row = p;
            if (balances.All(b => row >= b.Count || b[row].Arrived == 0))
            {
                continue;
            }

            table.AddRow([Markup.Escape(balances[0][row].Name), .. balances.Select(b => row < b.Count ? ArrivalText(b[row]) : "–")]);
        }

        console.Write(table);
    }

    /// <summary>"36.3 of 40.1 (90.5 %)", red when most arrived projects surely did not finish.</summary>
    private static string ArrivalText(ArrivalBalance b)
    {
        if (b.Arrived == 0)
        {
            return "–";
        }

        var text = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{b.FinishedPerReplication:0.0} of {b.ArrivedPerReplication:0.0} ({b.FinishedShare:P1})"));
        return b.MostlyUnfinished ? $"[red]{text}[/]" : text;
    }

    /// <summary>A metric's value as the table shows it, without an interval.</summary>
    private static string Value(MetricDefinition metric, double value) =>
        double.IsFinite(value) ? value.ToString(Format(metric), CultureInfo.InvariantCulture) : "–";

    /// <summary>How a metric's values are shown: shares as percentages, money without decimals.</summary>
    internal static string Format(MetricDefinition metric) =>
        metric.Unit switch { "share" => "P1", "per project" => "0.00", _ when IsMoney(metric) => "#,0", _ => "0.0" };

    /// <summary>One line per unstable agency or mostly unfinished process of each cell (<see cref="CellWarnings"/>).</summary>
    internal static void RenderWarnings(IAnsiConsole console, IReadOnlyList<CellSummary> cells, IReadOnlyList<MetricDefinition> metrics, Func<CellSummary, string> name)
    {
        var any = false;
        foreach (var cell in cells)
        {
            foreach (var line in CellWarnings.Of(cell, metrics))
            {
                console.MarkupLine($"[red]Warning ({Markup.Escape(name(cell))}):[/] {Markup.Escape(line)}");
                any = true;
            }
        }

        if (any)
        {
            console.MarkupLine(Markup.Escape("Lead times of these count finished projects only: they understate the delay and grow with the horizon, and so does a difference in lead time. " +
                                             "Compare the projects arrived and finished, and work in progress."));
        }
    }

    internal static bool IsMoney(MetricDefinition metric) => metric.Unit.StartsWith("EUR", StringComparison.Ordinal);

    /// <summary>A paired difference with its half-width, coloured and marked better or worse where its interval excludes zero.</summary>
    internal static string DifferenceText(Difference d, MetricDefinition metric, string format)
    {
        var e = d.Paired;
        if (e.N == 0 || !double.IsFinite(e.Mean))
        {
            return "–";
        }

        var scale = format == "P1" ? 100 : 1;
        var unit = format == "P1" ? " pp" : "";
        var digits = format switch { "0.00" => "0.00", "#,0" => "#,0", _ => "0.0" };
        var text = Markup.Escape($"{(e.Mean * scale).ToString($"+{digits};−{digits};{digits}", CultureInfo.InvariantCulture)}{unit}" +
                                 (e.HalfWidth is { } h ? $" ± {(h * scale).ToString(digits, CultureInfo.InvariantCulture)}" : "") +
                                 (d.OnTheReplicationsOfTheMeans ? "" : string.Create(CultureInfo.InvariantCulture, $" (n={e.N})†")));
        if (!d.Significant)
        {
            return $"[grey]{text}[/]";
        }

        var better = metric.Better == Better.Lower ? e.Mean < 0 : e.Mean > 0;
        return better ? $"[green]{text} better[/]" : $"[red]{text} worse[/]";
    }
}
