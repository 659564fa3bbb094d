using System.Globalization;
using IsdnSim.Analysis.Calibration;
using IsdnSim.Analysis.Experiments;

namespace IsdnSim.Presentation.Reporting;

/// <summary>What a calibration says in plain words, the same in the terminal and in its report: how many worlds fit, which parameters the data pin down and which they leave open.</summary>
public static class CalibrationWords
{
    /// <summary>A 90 % interval narrower than this share of the prior's range counts as pinned down (a uniform prior's own covers 0.9).</summary>
    public const double PinnedDown = 0.5;

    /// <summary>A 90 % interval at least this share of the prior's range: the data say little about the parameter.</summary>
    public const double NotPinned = 0.75;

    /// <summary>What the calibration says, in plain words.</summary>
    public static IEnumerable<string> Of(CalibrationResult result, double accept)
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

    /// <summary>A parameter's prior as written: "uniform [3wd, 10.5wd]".</summary>
    public static string Prior(ParameterPosterior p) =>
        $"{Kernel.Definitions.UncertainShapes.Name(p.Parameter.Distribution.Shape)} [{string.Join(", ", p.Parameter.Distribution.Written)}]";

    /// <summary>A parameter's posterior: median [5th, 95th percentile] in the entry's unit, a list's accepted values with their counts, or "–" without accepted worlds.</summary>
    public static string Posterior(ParameterPosterior p) =>
        p.Summary.Accepted == 0 ? "–"
        : p.IsWords ? string.Join(", ", p.Values.Select(v => $"{v.Value} {v.Count}"))
        : $"{p.Parameter.Of(p.Summary.Median).Text} [{p.Parameter.Of(p.Summary.P5).Text}, {p.Parameter.Of(p.Summary.P95).Text}]";

    /// <summary>An observation's value with the scenario's own values: mean [95 % CI], each number written by <paramref name="number"/>; "–" without one.</summary>
    public static string Before(FitRow r, Func<double, string> number) =>
        r.Before.N == 0 ? "–"
        : r.Before.Low is { } lo && r.Before.High is { } hi ? $"{number(r.Before.Mean)} [{number(lo)}, {number(hi)}]"
        : number(r.Before.Mean);

    /// <summary>Its value over the accepted worlds: mean [5th, 95th percentile]; "–" without accepted worlds.</summary>
    public static string After(FitRow r, Func<double, string> number) =>
        double.IsFinite(r.After) ? $"{number(r.After)} [{number(r.AfterP5)}, {number(r.AfterP95)}]" : "–";
}
