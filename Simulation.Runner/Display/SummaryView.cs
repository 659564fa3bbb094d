using System.Globalization;
using IsdnSim.Core.Metrics;
using IsdnSim.Core.Model;
using IsdnSim.Core.Statistics;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>The short summary on the terminal: flow figures per process, and the busiest agencies.</summary>
internal static class SummaryView
{
    private const int BusiestShown = 8;

    public static void Render(IAnsiConsole console, SimulationModel model, RunSummary summary)
    {
        var n = summary.Replications;
        var ci = n > 1 ? " (mean ± 95 % CI half-width)" : " (one replication: no interval)";

        var flow = new Table().Title($"Projects{ci}").AddColumns("Process", "Finished / year", "Lead time mean [[d]]", "Median [[d]]", "P90 [[d]]", "In progress (mean)");
        flow.AddRow(Row("All processes", summary.Overall));
        foreach (var (process, figures) in summary.Processes)
        {
            flow.AddRow(Row(process.Name, figures));
        }

        console.Write(flow);

        var busiest = new Table().Title("Busiest agencies (bottleneck ranking by utilisation)")
            .AddColumns("#", "Agency", "Organisation", "Staff", "Utilisation", "Mean wait [[d]]", "Queue time caused [[project-days]]");
        var rank = 1;
        foreach (var a in summary.ByUtilisation.Take(BusiestShown))
        {
            var agent = model.Agents[a.Agent];
            busiest.AddRow(
                (rank++).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(agent.Agencies[a.Agency].Name),
                Markup.Escape(agent.Name),
                a.Staff.ToString(CultureInfo.InvariantCulture),
                Format(a.Utilisation, "P1"),
                Format(a.MeanWait, "0.0"),
                Format(a.WaitingCaused, "N0"));
        }

        console.Write(busiest);
    }

    private static string[] Row(string name, FlowEstimates f) =>
    [
        Markup.Escape(name),
        Format(f.ThroughputPerYear, "0.0"),
        Format(f.LeadTimeMean, "0.0"),
        Format(f.LeadTimeMedian, "0.0"),
        Format(f.LeadTimeP90, "0.0"),
        Format(f.WipMean, "0.0"),
    ];

    private static string Format(Estimate e, string format)
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
