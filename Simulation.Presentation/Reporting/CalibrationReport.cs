using System.Globalization;
using IsdnSim.Analysis.Calibration;
using IsdnSim.Analysis.Experiments;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// The report of <c>isdnsim calibrate</c>: in words whether any sampled world reproduces the
/// observed statistics and what the data pin down; how much of each parameter's prior range the
/// accepted worlds still cover; each observation beside the scenario's own values and the accepted
/// worlds; the parameters' prior ranges and posteriors. The same figures as posterior.csv and fit.csv.
/// </summary>
public static class CalibrationReport
{
    /// <summary>report.html, and each of its figures also as figures/&lt;name&gt;.svg.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportContext context, CalibrationExperiment experiment, CalibrationResult result)
    {
        var spec = experiment.Spec;
        var page = new HtmlPage($"{context.ScenarioName}: calibration against {Path.GetFileName(spec.ObservedFile)}");

        page.Heading(2, "How to read this report");
        page.Paragraph(
            $"{result.Points.Count} worlds (combinations of the {result.Parameters.Count} uncertain parameters' values, the first points of a Sobol' sequence " +
            $"over their ranges) and the scenario with its own values each ran {experiment.Plan.Replications} replication(s) with the same random numbers. " +
            $"History matching rules out a world when, for some observation, its mean misses the observed value by more than {HistoryMatching.Cutoff:0} " +
            "standard deviations of the observation's error, the model's discrepancy and the replications' spread together (implausibility above " +
            $"{HistoryMatching.Cutoff:0}); of the worlds left, rejection ABC accepts the closest {ReportFormat.Percent(spec.Accept)} of all sampled, by the sum " +
            "of squared relative differences to the observed values. The accepted worlds are a sample of the posterior: the values that agree with the data, " +
            "as far as the ranges, the observations and these rules go (docs/uncertainty.md).");
        page.Facts([
            ("Observations", $"{result.Observations.Count}, from {spec.ObservedFile}"),
            ("Sampled worlds", ReportFormat.Count(result.Points.Count)),
            ("Not ruled out", ReportFormat.Count(result.Matching.NotImplausible.Count)),
            ("Accepted", ReportFormat.Count(result.Accepted.Count)),
            ("Replications per world", ReportFormat.Count(experiment.Plan.Replications)),
            ("Seed", context.Seed.ToString(CultureInfo.InvariantCulture)),
        ]);

        page.Heading(2, "What it says");
        page.List(CalibrationWords.Of(result, spec.Accept));

        var numeric = result.Posterior.Where(p => double.IsFinite(p.Narrowing)).ToList();
        if (numeric.Count > 0)
        {
            page.Heading(2, "How far the data pin each parameter down");
            page.Figure("narrowing", SvgChart.Bars("Width of the 90 % posterior interval, share of the prior range",
                    new ChartAxis("share of the prior range", " %") { Min = 0, Max = 100 }, ["posterior"],
                    [.. numeric.Select(p => new BarGroup(p.Parameter.Path, [new BarValue(p.Narrowing * 100, null, null, ReportFormat.Percent(p.Narrowing))]))]),
                $"Below {CalibrationWords.PinnedDown * 100:0} %: pinned down; {CalibrationWords.NotPinned * 100:0} % or more: the data say little (a uniform prior's own 90 % interval covers 90 %).");
        }

        page.Heading(2, "Observed against simulated");
        page.Table("fit", ["Line", "Process", "Region", "Statistic", "Observed", "Own values: mean [95 % CI]", "Accepted worlds: mean [5th, 95th pct.]", "Best implausibility", "Worlds within"],
            result.Fit.Select(r => (IReadOnlyList<HtmlCell>)[
                HtmlCell.Number(r.Observation.Line.ToString(CultureInfo.InvariantCulture)),
                HtmlCell.Text(r.Observation.Process),
                HtmlCell.Text(r.Observation.Region.Length == 0 ? "(all)" : r.Observation.Region),
                HtmlCell.Text(r.Observation.Statistic.Text),
                HtmlCell.Number(Value(r.Observation.Value, r.Observation.Statistic.IsShare)),
                HtmlCell.Number(CalibrationWords.Before(r, v => Value(v, r.Observation.Statistic.IsShare))),
                HtmlCell.Number(CalibrationWords.After(r, v => Value(v, r.Observation.Statistic.IsShare))),
                HtmlCell.Number(double.IsFinite(r.BestImplausibility) ? ReportFormat.Number(r.BestImplausibility, 1) : "–"),
                HtmlCell.Number(ReportFormat.Count(r.WorldsWithin)),
            ]));
        page.Paragraph($"Best implausibility: the smallest over all sampled worlds for this observation alone; above {HistoryMatching.Cutoff:0}, no world of the ranges " +
                       "reproduces it. Worlds within: how many come within the cut-off for it. An observation no world reaches points at a difference between what " +
                       "the model and the source measure, or at a range too narrow, not at a value to tune.");

        page.Heading(2, "Parameters: prior and posterior");
        page.Table("posterior", ["Parameter (path)", "Prior", "Posterior median [90 % interval]", "Width of prior", "Basis"], result.Posterior.Select(p => (IReadOnlyList<HtmlCell>)[
            HtmlCell.Text(p.Parameter.Path),
            HtmlCell.Text(CalibrationWords.Prior(p)),
            HtmlCell.Text(CalibrationWords.Posterior(p)),
            HtmlCell.Number(double.IsFinite(p.Narrowing) ? ReportFormat.Percent(p.Narrowing) : "–"),
            HtmlCell.Text(p.Parameter.Source ?? (p.Parameter.Assumption ? "ASSUMPTION" : "")),
        ]));
        return page.Finish(context.ProgramVersion);
    }

    private static string Value(double value, bool share) =>
        !double.IsFinite(value) ? "–" : share ? ReportFormat.Percent(value) : ReportFormat.Number(value, 1) + " d";
}
