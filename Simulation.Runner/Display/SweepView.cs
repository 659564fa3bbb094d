using IsdnSim.Analysis.Experiments;
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
        var table = new Table().Title("Sweep (mean ± 95 % CI, over n replications where fewer have a value)").AddColumn("Point");
        foreach (var p in result.Parameters)
        {
            table.AddColumn(Markup.Escape(p.Path));
        }

        foreach (var (m, _) in metrics)
        {
            table.AddColumn(Markup.Escape(m.Label));
        }

        table.AddColumn("Steady state");

        for (var i = 0; i < result.Points.Count; i++)
        {
            var cell = result.Cells[i];
            table.AddRow([Markup.Escape(result.Points[i].Cell), .. result.Points[i].Values.Select(Markup.Escape), .. metrics.Select(x => SummaryView.Format(cell.Metrics[x.i], x.m.Unit == "share" ? "P1" : "0.0") + ComparisonView.CountText(cell.Metrics[x.i], cell.Replications)),
                cell.IsStable ? "yes" : "[red]no[/]"]);
        }

        console.Write(table);
        ComparisonView.RenderWarnings(console, result.Cells, result.Metrics, c => c.Cell);
    }

    /// <summary>A sweep that compares variants: at each point, each variant's paired difference to the baseline in the key figures.</summary>
    private static void RenderDifferences(IAnsiConsole console, SweepResult result)
    {
        var metrics = Shown.Select(k => result.Metrics.Select((m, i) => (m, i)).First(x => x.m.Key == k)).ToList();
        var baseline = result.Variants[0];
        var level = result.Comparisons.SelectMany(c => c.Differences).Select(d => d.Level).DefaultIfEmpty(ComparisonResult.FamilyLevel).First();
        var table = new Table().Title(Markup.Escape($"Sweep: differences to {baseline} at each point (paired, at {level:P1} each)")).AddColumn("Point");
        foreach (var p in result.Parameters)
        {
            table.AddColumn(Markup.Escape(p.Path));
        }

        table.AddColumn("Variant");
        foreach (var (m, _) in metrics)
        {
            table.AddColumn(Markup.Escape(m.Label));
        }

        table.AddColumn("Steady state");
        for (var i = 0; i < result.Points.Count; i++)
        {
            var comparison = result.Comparisons[i];
            foreach (var variant in result.Variants.Skip(1))
            {
                var cell = SweepExperiment.CellId(result.Points[i], variant);
                table.AddRow([Markup.Escape(result.Points[i].Cell), .. result.Points[i].Values.Select(Markup.Escape), Markup.Escape($"{variant} − {baseline}"),
                    .. metrics.Select(x => ComparisonView.DifferenceText(comparison.DifferenceOf(cell, x.i)!, x.m, ComparisonView.Format(x.m))),
                    comparison.Cells.All(c => c.IsStable) ? "yes" : "[red]no[/]"]);
            }
        }

        console.Write(table);
        if (result.Comparisons.Any(c => MissingValues.UnequalPairs(c).Count > 0))
        {
            console.MarkupLine(Markup.Escape(MissingValues.Pairs));
        }

        ComparisonView.RenderWarnings(console, result.Cells, result.Metrics, c => c.Cell);
    }
}
