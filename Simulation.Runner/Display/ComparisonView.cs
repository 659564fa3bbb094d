using System.Globalization;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Labels;
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
        var baseline = DisplayNames.Variant(r.Baseline);
        var table = new FittedTable($"Variants against {baseline}, {outcome.Replications} replications each (mean ± 95 % CI; differences paired, at {level:P1} each)")
            .AddColumn("Metric");

        // On a narrow terminal the differences stay longest, then the baseline's means.
        foreach (var cell in r.Cells)
        {
            table.AddColumn(DisplayNames.Variant(cell.Cell), drop: cell.Cell == r.Baseline ? 2 : 3);
        }

        foreach (var cell in others)
        {
            table.AddColumn($"{DisplayNames.Variant(cell.Cell)} − {baseline}", drop: 1);
        }

        // Metrics nobody could measure (a deadline group with nobody obliged) are in the files, not here.
        foreach (var m in Enumerable.Range(0, r.Metrics.Count).Where(m => r.Cells.Any(c => c.Metrics[m].N > 0)))
        {
            var metric = r.Metrics[m];
            var format = Format(metric);
            var row = new List<FittedTable.Cell> { metric.Label };
            row.AddRange(r.Cells.Select(c => (FittedTable.Cell)SummaryView.Format(c.Metrics[m], format)));
            row.AddRange(others.Select(c => DifferenceText(r.DifferenceOf(c.Cell, m)!, metric, format)));
            table.AddRow(row);
        }

        table.Write(console);
        RenderWarnings(console, r.Cells, r.Metrics, c => DisplayNames.Variant(c.Cell));
    }

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
            console.MarkupLine(Markup.Escape("Lead times of these count finished projects only and grow with the horizon: compare work in progress and the share of arrived projects finished."));
        }
    }

    internal static bool IsMoney(MetricDefinition metric) => metric.Unit.StartsWith("EUR", StringComparison.Ordinal);

    /// <summary>A paired difference with its half-width, coloured and marked better or worse where its interval excludes zero.</summary>
    internal static FittedTable.Cell DifferenceText(Difference d, MetricDefinition metric, string format)
    {
        var e = d.Paired;
        if (e.N == 0 || !double.IsFinite(e.Mean))
        {
            return "–";
        }

        var scale = format == "P1" ? 100 : 1;
        var unit = format == "P1" ? " pp" : "";
        var digits = format switch { "0.00" => "0.00", "#,0" => "#,0", _ => "0.0" };
        var text = $"{(e.Mean * scale).ToString($"+{digits};−{digits};{digits}", CultureInfo.InvariantCulture)}{unit}" +
                   (e.HalfWidth is { } h ? $" ± {(h * scale).ToString(digits, CultureInfo.InvariantCulture)}" : "");
        if (!d.Significant)
        {
            return new(text, "grey");
        }

        var better = metric.Better == Better.Lower ? e.Mean < 0 : e.Mean > 0;
        return better ? new($"{text} better", "green") : new($"{text} worse", "red");
    }
}
