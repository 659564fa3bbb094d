using System.Globalization;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Validation;
using IsdnSim.Presentation.Reporting;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>The terminal table of a check: each observation, the model's value with its interval, and which is faster.</summary>
internal static class CheckView
{
    public static void Render(IAnsiConsole console, ObservedCheck check, int replications)
    {
        var table = new FittedTable($"The model against observed data, {replications} replication{(replications == 1 ? "" : "s")} (model: mean [95 % CI] of each replication's statistic)")
            .AddColumn("Process")
            .AddColumn("Region", drop: 1)
            .AddColumn("Statistic")
            .AddColumn("Observed")
            .AddColumn("Model")
            .AddColumn("Finished", drop: 2)
            .AddColumn("Model is");
        foreach (var r in check.Rows)
        {
            var share = r.Row.Statistic.IsShare;
            table.AddRow(
                r.Row.Process,
                r.Row.Region.Length == 0 ? "(all)" : r.Row.Region,
                r.Row.Statistic.Text,
                Value(r.Row.Value, share),
                Simulated(r, share),
                double.IsFinite(r.FinishedShare) ? r.FinishedShare.ToString("P0", CultureInfo.InvariantCulture) : "–",
                Pace(r.Pace));
        }

        table.Write(console);
        console.MarkupLine(Markup.Escape(CheckWords.Summary(check)));
        foreach (var r in check.Rows.Where(r => r.WithValue > 0 && r.WithValue < r.Replications))
        {
            console.MarkupLine(Markup.Escape($"Observation on line {r.Row.Line}: {r.Replications - r.WithValue} of {r.Replications} replications had nothing of '{r.Row.Process}' to measure there; the model's value is the mean over the other {r.WithValue}."));
        }

        foreach (var r in check.Rows.Where(r => r.Row.Statistic.Kind != StatisticKind.ShareFinishedBy && RunStability.IsMostlyUnfinished(r.Arrived, r.ArrivedAndFinished)))
        {
            console.MarkupLine($"[red]Warning:[/] {Markup.Escape($"observation on line {r.Row.Line}: of the '{r.Row.Process}' projects arrived after the warm-up only {r.FinishedShare.ToString("P0", CultureInfo.InvariantCulture)} finished by the horizon; the lead times of the finished ones understate the model's.")}");
        }
    }

    private static string Number(double value, bool share) =>
        (share ? value * 100 : value).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Unit(bool share) => share ? " %" : " d";

    private static string Value(double value, bool share) => Number(value, share) + Unit(share);

    /// <summary>"148.2 [115.2, 181.1] d": the mean and its interval in the observation's unit; the mean alone with one replication.</summary>
    private static string Simulated(ObservedComparison r, bool share)
    {
        var e = r.Simulated;
        if (e.N == 0)
        {
            return "–";
        }

        return e.Low is { } low && e.High is { } high
            ? $"{Number(e.Mean, share)} [{Number(low, share)}, {Number(high, share)}]{Unit(share)}"
            : Value(e.Mean, share);
    }

    private static FittedTable.Cell Pace(ModelPace pace) => pace switch
    {
        ModelPace.Faster => new FittedTable.Cell("faster", "yellow"),
        ModelPace.Slower => new FittedTable.Cell("slower", "yellow"),
        ModelPace.Consistent => new FittedTable.Cell("consistent", "green"),
        _ => "–",
    };
}
