using System.Globalization;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>The terminal view of a calibration: the parameters before and after, the fit, and in words what the data pin down and whether any world reproduces them.</summary>
internal static class CalibrationView
{
    public static void Render(IAnsiConsole console, CalibrationResult result, double accept)
    {
        var parameters = new FittedTable($"Uncertain parameters: prior range and posterior median [90 % interval] of the {result.Accepted.Count} accepted of {result.Points.Count} worlds")
            .AddColumn("Parameter").AddColumn("Prior", drop: 1).AddColumn("Posterior").AddColumn("Width of prior", drop: 2);
        foreach (var p in result.Posterior)
        {
            parameters.AddRow(p.Parameter.Path, CalibrationWords.Prior(p), CalibrationWords.Posterior(p),
                double.IsFinite(p.Narrowing) ? p.Narrowing.ToString("P0", CultureInfo.InvariantCulture) : "–");
        }

        parameters.Write(console);

        var fit = new FittedTable("Fit: observed, the scenario's own values (mean [95 % CI]) and the accepted worlds (mean [5th, 95th percentile])")
            .AddColumn("Process").AddColumn("Region", drop: 1).AddColumn("Statistic").AddColumn("Observed").AddColumn("Before", drop: 2).AddColumn("After").AddColumn("Best I", drop: 3);
        foreach (var r in result.Fit)
        {
            var share = r.Observation.Statistic.IsShare;
            var before = CalibrationWords.Before(r, v => N(v, share));
            var after = CalibrationWords.After(r, v => N(v, share));
            fit.AddRow(r.Observation.Process, r.Observation.Region.Length == 0 ? "(all)" : r.Observation.Region,
                r.Observation.Statistic.Text, N(r.Observation.Value, share), before, after,
                double.IsFinite(r.BestImplausibility) ? r.BestImplausibility.ToString("0.0", CultureInfo.InvariantCulture) : "–");
        }

        fit.Write(console);
        foreach (var line in CalibrationWords.Of(result, accept))
        {
            console.MarkupLine(Markup.Escape(line));
        }
    }


    private static string N(double value, bool share) =>
        share ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : value.ToString("0.0", CultureInfo.InvariantCulture) + " d";
}
