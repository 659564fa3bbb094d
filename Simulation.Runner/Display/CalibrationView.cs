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
        var parameters = new Table()
            .Title(Markup.Escape($"Uncertain parameters: prior range and posterior median [90 % interval] of the {result.Accepted.Count} accepted of {result.Points.Count} worlds"))
            .AddColumn("Parameter").AddColumn("Prior").AddColumn("Posterior").AddColumn("Width of prior");
        foreach (var p in result.Posterior)
        {
            var prior = $"{Shapes(p)} [{string.Join(", ", p.Parameter.Distribution.Written)}]";
            var posterior = p.Summary.Accepted == 0 ? "–"
                : p.Values.Count > 0 && p.IsWords ? string.Join(", ", p.Values.Select(v => $"{v.Value} {v.Count}"))
                : $"{p.Parameter.Of(p.Summary.Median).Text} [{p.Parameter.Of(p.Summary.P5).Text}, {p.Parameter.Of(p.Summary.P95).Text}]";
            parameters.AddRow(Markup.Escape(p.Parameter.Path), Markup.Escape(prior), Markup.Escape(posterior),
                Markup.Escape(double.IsFinite(p.Narrowing) ? p.Narrowing.ToString("P0", CultureInfo.InvariantCulture) : "–"));
        }

        console.Write(parameters);

        var fit = new Table()
            .Title(Markup.Escape("Fit: observed, the scenario's own values (mean [95 % CI]) and the accepted worlds (mean [5th, 95th percentile])"))
            .AddColumn("Process").AddColumn("Region").AddColumn("Statistic").AddColumn("Observed").AddColumn("Before").AddColumn("After").AddColumn("Best I");
        foreach (var r in result.Fit)
        {
            var share = r.Observation.Statistic.IsShare;
            var before = r.Before.N == 0 ? "–" : r.Before.Low is { } lo && r.Before.High is { } hi
                ? $"{N(r.Before.Mean, share)} [{N(lo, share)}, {N(hi, share)}]" : N(r.Before.Mean, share);
            var after = double.IsFinite(r.After) ? $"{N(r.After, share)} [{N(r.AfterP5, share)}, {N(r.AfterP95, share)}]" : "–";
            fit.AddRow(Markup.Escape(r.Observation.Process), Markup.Escape(r.Observation.Region.Length == 0 ? "(all)" : r.Observation.Region),
                Markup.Escape(r.Observation.Statistic.Text), Markup.Escape(N(r.Observation.Value, share)), Markup.Escape(before), Markup.Escape(after),
                Markup.Escape(double.IsFinite(r.BestImplausibility) ? r.BestImplausibility.ToString("0.0", CultureInfo.InvariantCulture) : "–"));
        }

        console.Write(fit);
        foreach (var line in CalibrationWords.Of(result, accept))
        {
            console.MarkupLine(Markup.Escape(line));
        }
    }

    private static string Shapes(ParameterPosterior p) => Kernel.Definitions.UncertainShapes.Name(p.Parameter.Distribution.Shape);

    private static string N(double value, bool share) =>
        share ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : value.ToString("0.0", CultureInfo.InvariantCulture) + " d";
}
