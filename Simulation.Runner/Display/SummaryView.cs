using System.Globalization;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Model;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>
/// The summary on the terminal: flow per process, where lead time goes, which agencies
/// determined it, the busiest agencies, deadlines, and the administration as a whole.
/// </summary>
internal static class SummaryView
{
    private const int Shown = 8;

    public static void Render(IAnsiConsole console, SimulationModel model, RunSummary summary)
    {
        var ci = summary.Replications > 1 ? " (mean ± 95 % CI half-width)" : " (one replication: no interval)";

        var flow = new FittedTable($"Projects{ci}").AddColumn("Process").AddColumn("Finished / year").AddColumn("Lead time mean [d]").AddColumn("Median [d]", drop: 4)
            .AddColumn("P90 [d]", drop: 2).AddColumn("In progress (mean)", drop: 3).AddColumn("Arrived", drop: 1).AddColumn("Of these finished", drop: 1).AddColumn("Unfinished at end", drop: 5);
        flow.AddRow(FlowRow("All processes", summary.Overall));
        foreach (var (process, figures) in summary.Processes)
        {
            flow.AddRow(FlowRow(process.Name, figures));
        }

        flow.Write(console);

        var parts = new FittedTable("Where the lead time goes, on the critical chain (mean days per finished project)")
            .AddColumn("Process").AddColumn("Queues").AddColumn("Work").AddColumn("Council / meeting", drop: 1).AddColumn("Hand-offs", drop: 2).AddColumn("Rework", drop: 2)
            .AddColumn("Funding window", drop: 3).AddColumn("Legal periods", drop: 2).AddColumn("Hand-offs [n]", drop: 4).AddColumn("Returns [n]", drop: 4);
        foreach (var (process, f) in summary.Processes.Where(p => p.Figures.Finished.Mean > 0))
        {
            parts.AddRow(process.Name, Format(f.WaitMean, "0.0"), Format(f.ServiceMean, "0.0"), Format(f.CouncilMean, "0.0"),
                Format(f.HandoffMean, "0.0"), Format(f.ReworkMean, "0.0"), Format(f.WindowMean, "0.0"), Format(f.PeriodMean, "0.0"), Format(f.CriticalChainHandoffs, "0.0"), Format(f.CriticalChainReworks, "0.00"));
        }

        parts.Write(console);

        var determining = new FittedTable("Which agency's step was the longest on the critical chain (\"the most complicated step wins\")")
            .AddColumn("#").AddColumn("Agency").AddColumn("Organisation").AddColumn("Share of projects");
        var rank = 1;
        foreach (var a in summary.ByDetermining.Take(Shown))
        {
            determining.AddRow((rank++).ToString(CultureInfo.InvariantCulture), a.Name, a.Organisation, Format(a.DeterminingShare, "P1"));
        }

        determining.Write(console);

        // With absence, how much of the posts' time their staff were there, and how busy those present were.
        var absence = summary.Agencies.Any(a => a.PresentShare.N > 0 && a.PresentShare.Mean < 1);
        var busiest = new FittedTable("Busiest agencies (bottleneck ranking by utilisation)")
            .AddColumn("#").AddColumn("Agency").AddColumn("Organisation").AddColumn("Staff", drop: 2).AddColumn("Utilisation");
        if (absence)
        {
            busiest.AddColumn("Staff present", drop: 3).AddColumn("Utilisation of present", drop: 3);
        }

        busiest.AddColumn("Mean wait [d]", drop: 1).AddColumn("Queue time caused [project-days]", drop: 1);
        rank = 1;
        foreach (var a in summary.ByUtilisation.Take(Shown))
        {
            busiest.AddRow([
                (rank++).ToString(CultureInfo.InvariantCulture),
                a.Name,
                a.Organisation,
                a.Staff.ToString(CultureInfo.InvariantCulture),
                Format(a.Utilisation, "P1"),
                .. absence ? new[] { Format(a.PresentShare, "P1"), Format(a.PresentUtilisation, "P1") } : [],
                Format(a.MeanWait, "0.0"),
                Format(a.WaitingCaused, "N0")]);
        }

        busiest.Write(console);

        if (summary.Deadlines.Count > 0)
        {
            var deadlines = new FittedTable("Deadlines set by law").AddColumn("Law").AddColumn("Group").AddColumn("Deadline", drop: 1).AddColumn("Obliged", drop: 2)
                .AddColumn("On time", drop: 2).AddColumn("Compliance");
            foreach (var d in summary.Deadlines)
            {
                deadlines.AddRow(d.ShockName, d.Group, d.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Format(d.Mandated, "0"), Format(d.OnTime, "0.0"), Format(d.Compliance, "P1"));
            }

            deadlines.Write(console);
        }

        RenderStability(console, summary);

        console.MarkupLine(Markup.Escape(
            $"Territorial congruence (decisions with a choice taken for the own territory): {Format(summary.Congruence, "P1")}; " +
            $"inhabitants per elected member of the deciding body: {Format(summary.Democracy.InhabitantsPerCouncillor, "N0")}; " +
            $"distance to its seat: {Format(summary.Democracy.DistanceToDeciderKm, "0.0")} km; " +
            $"consultations ended by their deadline (Fristablauf): {Format(summary.LapsedShare, "P1")}; " +
            $"steps with a legal fiction done by law: {Format(summary.FictionShare, "P1")}."));
        if (summary.Costs is { } costs)
        {
            console.MarkupLine(Markup.Escape(
                $"Cost per year (EUR): administration {Format(costs.Administration, "#,0")}, companies and operators {Format(costs.Companies, "#,0")}; " +
                $"per finished project: administration {Format(costs.PerFinishedProject, "#,0")}, all {Format(costs.PerFinishedProjectAll, "#,0")} (costs.csv has every line)."));
        }
    }

    private static FittedTable.Cell[] FlowRow(string name, FlowEstimates f) =>
    [
        name,
        Format(f.ThroughputPerYear, "0.0"),
        Format(f.LeadTimeMean, "0.0"),
        Format(f.LeadTimeMedian, "0.0"),
        Format(f.LeadTimeP90, "0.0"),
        Format(f.WipMean, "0.0"),
        Format(f.Arrived, "N0"),
        Format(f.FinishedShare, "P1"),
        Format(f.Unfinished, "N0"),
    ];

    /// <summary>
    /// A warning for every agency that was saturated or whose work in progress grew, and for
    /// processes whose arrived projects mostly did not finish: their lead times are not a steady state.
    /// </summary>
    private static void RenderStability(IAnsiConsole console, RunSummary summary)
    {
        foreach (var a in summary.Unstable)
        {
            console.MarkupLine($"[red]Warning: unstable queue:[/] {Markup.Escape(StabilityText.Agency(a.Name, a.Organisation, a.SaturatedIn, a.GrowingIn, summary.Replications, a.Utilisation.Mean, a.PresentUtilisation.Mean))}");
        }

        var unfinished = RunStability.MostlyUnfinished(summary);
        foreach (var (process, f) in unfinished)
        {
            console.MarkupLine($"[red]Warning: mostly unfinished:[/] {Markup.Escape(StabilityText.Process(process.Name, f.FinishedShare.Mean))}");
        }

        if (!RunStability.IsStable(summary))
        {
            console.MarkupLine(Markup.Escape(
                $"Of all projects arrived after the warm-up, {Format(summary.Overall.FinishedShare, "P1")} finished; " +
                "lead times count finished projects only and grow with the horizon: read work in progress and the share finished instead."));
        }
    }

    internal static string Format(Estimate e, string format)
    {
        if (e.N == 0 || !double.IsFinite(e.Mean))
        {
            return "–";
        }

        var mean = e.Mean.ToString(format, CultureInfo.InvariantCulture);
        if (e.HalfWidth is not { } h)
        {
            return mean;
        }

        var half = format == "P1" ? (h * 100).ToString("0.0", CultureInfo.InvariantCulture) + " pp" : h.ToString(format, CultureInfo.InvariantCulture);
        return $"{mean} ± {half}";
    }
}
