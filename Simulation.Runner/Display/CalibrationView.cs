using System.Globalization;
using IsdnSim.Analysis.Calibration;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>The terminal view of a calibration: the parameters before and after, the fit, and in words what the data pin down and whether any world reproduces them.</summary>
internal static class CalibrationView
{
    /// <summary>A 90 % interval narrower than this share of the prior's range counts as pinned down (a uniform prior's own covers 0.9).</summary>
    public const double PinnedDown = 0.5;

    /// <summary>A 90 % interval at least this share of the prior's range: the data say little about the parameter.</summary>
    public const double NotPinned = 0.75;

    public static void Render(IAnsiConsole console, CalibrationResult result, double accept)
    {
        var parameters = new FittedTable($"Uncertain parameters: prior range and posterior median [90 % interval] of the {result.Accepted.Count} accepted of {result.Points.Count} worlds")
            .AddColumn("Parameter").AddColumn("Prior", drop: 1).AddColumn("Posterior").AddColumn("Width of prior", drop: 2);
        foreach (var p in result.Posterior)
        {
            var prior = $"{Shapes(p)} [{string.Join(", ", p.Parameter.Distribution.Written)}]";
            var posterior = p.Summary.Accepted == 0 ? "–"
                : p.Values.Count > 0 && p.IsWords ? string.Join(", ", p.Values.Select(v => $"{v.Value} {v.Count}"))
                : $"{p.Parameter.Of(p.Summary.Median).Text} [{p.Parameter.Of(p.Summary.P5).Text}, {p.Parameter.Of(p.Summary.P95).Text}]";
            parameters.AddRow(p.Parameter.Path, prior, posterior, double.IsFinite(p.Narrowing) ? p.Narrowing.ToString("P0", CultureInfo.InvariantCulture) : "–");
        }

        parameters.Write(console);

        var fit = new FittedTable("Fit: observed, the scenario's own values (mean [95 % CI]) and the accepted worlds (mean [5th, 95th percentile])")
            .AddColumn("Process").AddColumn("Region", drop: 1).AddColumn("Statistic").AddColumn("Observed").AddColumn("Before", drop: 2).AddColumn("After").AddColumn("Best I", drop: 3);
        foreach (var r in result.Fit)
        {
            var share = r.Observation.Statistic.IsShare;
            var before = r.Before.N == 0 ? "–" : r.Before.Low is { } lo && r.Before.High is { } hi
                ? $"{N(r.Before.Mean, share)} [{N(lo, share)}, {N(hi, share)}]" : N(r.Before.Mean, share);
            var after = double.IsFinite(r.After) ? $"{N(r.After, share)} [{N(r.AfterP5, share)}, {N(r.AfterP95, share)}]" : "–";
            fit.AddRow(r.Observation.Process, r.Observation.Region.Length == 0 ? "(all)" : r.Observation.Region,
                r.Observation.Statistic.Text, N(r.Observation.Value, share), before, after,
                double.IsFinite(r.BestImplausibility) ? r.BestImplausibility.ToString("0.0", CultureInfo.InvariantCulture) : "–");
        }

        fit.Write(console);
        foreach (var line in Words(result, accept))
        {
            console.MarkupLine(Markup.Escape(line));
        }
    }

    /// <summary>What the calibration says, in plain words.</summary>
    public static IEnumerable<string> Words(CalibrationResult result, double accept)
    {
        var n = result.Points.Count;
        yield return $"Distance: the sum over observations of the squared relative difference (scale: the observed value). Implausibility: with an observation error and a model discrepancy " +
                     $"of {CalibrationResult.ObservationError:P0} of the observed value each (ASSUMPTIONs, docs/uncertainty.md) and the spread of the replications.";
        if (!result.Reproduced)
        {
            var worst = result.Fit.Where(r => r.WorldsWithin == 0).Select(r => $"line {r.Observation.Line} ({r.Observation.Process} {r.Observation.Statistic.Text} {r.Observation.Value.ToString("0.###", CultureInfo.InvariantCulture)} {r.Observation.Unit})").ToList();
            yield return $"No world reproduces the data: every one of the {n} sampled worlds has an implausibility above {HistoryMatching.Cutoff:0} for some observation, " +
                         $"so there is no posterior and no calibrated range (the least-bad worlds are not a fit).";
            if (worst.Count > 0)
            {
                yield return $"No world comes within the cut-off of {string.Join(", ", worst)}: within these ranges the model cannot produce them; see fit.csv (best_implausibility).";
            }

            yield break;
        }

        yield return $"{result.Matching.NotImplausible.Count} of {n} worlds are not ruled out by history matching (implausibility at most {HistoryMatching.Cutoff:0} for every observation); " +
                     $"ABC accepted the closest {result.Accepted.Count} ({accept.ToString("P0", CultureInfo.InvariantCulture)} of the {n} sampled).";
        var numeric = result.Posterior.Where(p => double.IsFinite(p.Narrowing)).ToList();
        var pinned = numeric.Where(p => p.Narrowing < PinnedDown).Select(p => p.Parameter.Path).ToList();
        var loose = numeric.Where(p => p.Narrowing >= NotPinned).Select(p => p.Parameter.Path).ToList();
        if (pinned.Count > 0)
        {
            yield return $"The data pin down {string.Join(", ", pinned)} (the 90 % interval covers less than {PinnedDown:P0} of the prior range).";
        }

        if (loose.Count > 0)
        {
            yield return $"The data say little about {string.Join(", ", loose)} (the 90 % interval still covers {NotPinned:P0} or more of the prior range).";
        }

        if (result.Accepted.Count < 20)
        {
            yield return $"Only {result.Accepted.Count} worlds were accepted: the percentiles are rough; sample more worlds (--samples) for a firmer posterior.";
        }
    }

    private static string Shapes(ParameterPosterior p) => Kernel.Definitions.UncertainShapes.Name(p.Parameter.Distribution.Shape);

    private static string N(double value, bool share) =>
        share ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : value.ToString("0.0", CultureInfo.InvariantCulture) + " d";
}
