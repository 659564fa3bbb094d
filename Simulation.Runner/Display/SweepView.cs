using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Labels;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>The terminal summary of a sweep: every point with its parameter values and the key figures.</summary>
internal static class SweepView
{
    private static readonly string[] Shown = ["lead_time_mean", "lead_time_p90", "throughput_per_year", "wip_mean", "finished_share"];

    public static void Render(IAnsiConsole console, SweepResult result)
    {
        if (result.Variants.Count > 0)
        {
            RenderDifferences(console, result);
            return;
        }

        var metrics = Shown.Select(k => result.Metrics.Select((m, i) => (m, i)).First(x => x.m.Key == k)).ToList();
        var table = new FittedTable("Sweep (mean ± 95 % CI, over n replications where fewer have a value)").AddColumn("Point");
        foreach (var p in result.Parameters)
        {
            table.AddColumn(p.Path);
        }

        foreach (var (m, j) in metrics.Select((x, j) => (x.m, j)))
        {
            table.AddColumn(m.Label, drop: j == 0 ? 0 : j + 1);
        }

        table.AddColumn("Steady state", drop: 1);

        for (var i = 0; i < result.Points.Count; i++)
        {
            var cell = result.Cells[i];
            table.AddRow([result.Points[i].Cell, .. result.Points[i].Values, .. metrics.Select(x => (FittedTable.Cell)(SummaryView.Format(cell.Metrics[x.i], x.m.Unit == "share" ? "P1" : "0.0") + ComparisonView.CountText(cell.Metrics[x.i], cell.Replications))),
                cell.IsStable ? "yes" : new FittedTable.Cell("no", "red")]);
        }

        table.Write(console);
        ComparisonView.RenderWarnings(console, result.Cells, result.Metrics, c => c.Cell);
    }

    /// <summary>A sweep that compares variants: at each point, each variant's paired difference to the baseline in the key figures.</summary>
    private static void RenderDifferences(IAnsiConsole console, SweepResult result)
    {
        var metrics = Shown.Select(k => result.Metrics.Select((m, i) => (m, i)).First(x => x.m.Key == k)).ToList();
        var baseline = DisplayNames.Variant(result.Variants[0]);
        var level = result.Comparisons.SelectMany(c => c.Differences).Select(d => d.Level).DefaultIfEmpty(ComparisonResult.FamilyLevel).First();
        var table = new FittedTable($"Sweep: differences to {baseline} at each point (paired, at {level:P1} each)").AddColumn("Point");
        foreach (var p in result.Parameters)
        {
            table.AddColumn(p.Path);
        }

        table.AddColumn("Variant");
        foreach (var (m, j) in metrics.Select((x, j) => (x.m, j)))
        {
            table.AddColumn(m.Label, drop: j == 0 ? 0 : j + 1);
        }

        table.AddColumn("Steady state", drop: 1);
        for (var i = 0; i < result.Points.Count; i++)
        {
            var comparison = result.Comparisons[i];
            foreach (var variant in result.Variants.Skip(1))
            {
                var cell = SweepExperiment.CellId(result.Points[i], variant);
                table.AddRow([result.Points[i].Cell, .. result.Points[i].Values, $"{DisplayNames.Variant(variant)} − {baseline}",
                    .. metrics.Select(x => ComparisonView.DifferenceText(comparison.DifferenceOf(cell, x.i)!, x.m, ComparisonView.Format(x.m))),
                    comparison.Cells.All(c => c.IsStable) ? "yes" : new FittedTable.Cell("no", "red")]);
            }
        }

        table.Write(console);
        if (result.Comparisons.Any(c => MissingValues.UnequalPairs(c).Count > 0))
        {
            console.MarkupLine(Markup.Escape(MissingValues.Pairs));
        }

        ComparisonView.RenderWarnings(console, result.Cells, result.Metrics, c => c.Cell);
    }
}
