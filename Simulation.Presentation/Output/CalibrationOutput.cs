using System.Globalization;
using System.Text;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// The result files of a calibration (docs/experiments.md, "calibrate"): posterior.csv, fit.csv,
/// points.csv, accepted.csv, the report and, when some world reproduces the data, calibrated.yaml and
/// calibrated-values.txt. Each is written to a temporary name and renamed; all depend only on the
/// plan, the scenario and the observed data, so a resumed calibration ends with the same files.
/// </summary>
public static class CalibrationOutput
{
    public const string CalibratedRanges = "calibrated.yaml";
    public const string CalibratedValues = "calibrated-values.txt";

    /// <summary>posterior.csv: one row per uncertain parameter, numbers in the unit of its entry.</summary>
    internal static readonly CsvTable<ParameterPosterior> Posterior = new CsvTable<ParameterPosterior>()
        .Column("parameter", (in p) => p.Parameter.Path)
        .Column("prior_low", (in p) => InUnit(p.Parameter, p.Parameter.Distribution.Low))
        .Column("prior_high", (in p) => InUnit(p.Parameter, p.Parameter.Distribution.High))
        .Column("median", (in p) => InUnit(p.Parameter, p.Summary.Median))
        .Column("p5", (in p) => InUnit(p.Parameter, p.Summary.P5))
        .Column("p95", (in p) => InUnit(p.Parameter, p.Summary.P95))
        .Column("unit", (in p) => p.Parameter.Quantity.Unit.Trim())
        .Column("accepted", (in p) => (long)p.Summary.Accepted)
        .Column("width_of_prior", (in p) => p.Narrowing)
        .Column("values", (in p) => string.Join(' ', p.Values.Select(v => $"{v.Value}:{v.Count}")));

    /// <summary>fit.csv: one row per observation, in the observed file's order.</summary>
    internal static readonly CsvTable<FitRow> Fit = new CsvTable<FitRow>()
        .Column("line", (in r) => r.Observation.Line)
        .Column("process", (in r) => r.Observation.Process)
        .Column("region", (in r) => r.Observation.Region)
        .Column("statistic", (in r) => r.Observation.Statistic.Text)
        .Column("unit", (in r) => r.Observation.Unit)
        .Column("observed", (in r) => r.Observation.Value)
        .Column("scale", (in r) => CalibrationResult.Scale(r.Observation.Value))
        .Column("observation_sd", (in r) => CalibrationResult.ObservationError * Math.Abs(r.Observation.Value))
        .Column("discrepancy_sd", (in r) => CalibrationResult.Discrepancy * Math.Abs(r.Observation.Value))
        .Estimate("before", "before_ci_low", "before_ci_high", (in r) => r.Before)
        .Column("after", (in r) => r.After)
        .Column("after_p5", (in r) => r.AfterP5)
        .Column("after_p95", (in r) => r.AfterP95)
        .Column("best_implausibility", (in r) => r.BestImplausibility)
        .Column("worlds_within", (in r) => (long)r.WorldsWithin);

    public static void Write(ExperimentStore store, CalibrationResult result, IReadOnlyList<Reporting.ReportFile> report)
    {
        ExperimentOutput.WriteReport(store, report);

        Write(store, "posterior.csv", Posterior, result.Posterior);
        Write(store, "fit.csv", Fit, result.Fit);
        var accepted = result.Accepted.ToHashSet();
        var rank = result.Accepted.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i + 1);
        Write(store, "points.csv", Points(result).Column("accepted", (in p) => accepted.Contains(p) ? "true" : "false"), Enumerable.Range(0, result.Points.Count));
        Write(store, "accepted.csv", Points(result).Column("rank", (in p) => (long)rank[p]), result.Accepted);
        foreach (var name in new[] { CalibratedRanges, CalibratedValues })
        {
            if (File.Exists(store.PathOf(name)))
            {
                File.Delete(store.PathOf(name));
            }
        }

        if (result.Accepted.Count > 0)
        {
            store.WriteText(CalibratedRanges, Ranges(store.Plan, result));
            store.WriteText(CalibratedValues, Values(store.Plan, result));
        }
    }

    /// <summary>A number of <paramref name="parameter"/> (canonical unit) in the unit its entry writes; NaN stays NaN.</summary>
    public static double InUnit(UncertainParameter parameter, double canonical) =>
        parameter.Quantity.Kind == QuantityKind.WholeNumber || !double.IsFinite(canonical) ? canonical : canonical / parameter.Quantity.UnitSize;

    /// <summary>
    /// calibrated.yaml: an --uncertain file whose ranges are the posterior's: uniform from the 5th
    /// to the 95th percentile of the accepted values, the values of a list that were accepted.
    /// </summary>
    public static string Ranges(ExperimentPlan plan, CalibrationResult result)
    {
        var spec = plan.Calibration!;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # The uncertain parameters of {plan.ScenarioFile} after calibration against {spec.ObservedFile}:
            # each range is the 90 % posterior interval (5th to 95th percentile) of the {result.Accepted.Count} accepted of
            # {result.Points.Count} sampled worlds (isdnsim calibrate; docs/uncertainty.md, Calibrating). Use it in place of the
            # prior ranges with --uncertain: isdnsim validate {plan.ScenarioFile} --uncertain calibrated.yaml
            # checks them, and the designs over the ranges take them.
            # The values the scenario's runs use are unchanged; calibrated-values.txt has the posterior medians.
            uncertain:

            """);
        foreach (var p in result.Posterior)
        {
            var parameter = p.Parameter;
            text.Append(CultureInfo.InvariantCulture, $"  {parameter.Path}:\n");
            if (p.Values.Count > 0)
            {
                var kept = p.Values.Where(v => v.Count > 0).Select(v => v.Value).ToList();
                text.Append(CultureInfo.InvariantCulture, $"    discrete: [{string.Join(", ", kept.Count == 1 ? [kept[0], kept[0]] : kept)}]\n");
            }
            else if (p.Summary.P95 > p.Summary.P5)
            {
                text.Append(CultureInfo.InvariantCulture, $"    uniform: [{parameter.Of(p.Summary.P5).Text}, {parameter.Of(p.Summary.P95).Text}]\n");
            }
            else
            {
                var only = parameter.Of(p.Summary.Median).Text;
                text.Append(CultureInfo.InvariantCulture, $"    discrete: [{only}, {only}]\n");
            }

            if (parameter.Also.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    also: [{string.Join(", ", parameter.Also)}]\n");
            }

            text.Append(parameter.Source is { } source ? $"    source: {Quoted(source)}\n" : "    assumption: true\n");
            var prior = string.Join(", ", parameter.Distribution.Written);
            var values = p.Values.Count > 0
                ? string.Join(", ", p.Values.Select(v => $"{v.Value} {v.Count}"))
                : $"median {parameter.Of(p.Summary.Median).Text}";
            text.Append(CultureInfo.InvariantCulture, $"    note: {Quoted($"Calibrated: prior {UncertainShapes.Name(parameter.Distribution.Shape)} [{prior}]; of {p.Summary.Accepted} accepted worlds: {values}.")}\n");
        }

        return text.ToString();
    }

    /// <summary>calibrated-values.txt: --set PATH=VALUE at each numeric parameter's posterior median (every path of it), and a list's most accepted value.</summary>
    public static string Values(ExperimentPlan plan, CalibrationResult result)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # Posterior medians of the uncertain parameters of {plan.ScenarioFile} calibrated against
            # {plan.Calibration!.ObservedFile} ({result.Accepted.Count} accepted worlds). run and compare take no --set:
            # give these lines to isdnsim sweep (one value each is a sweep of one point), or write the
            # values into a copy of the scenario. docs/experiments.md, calibrate.

            """);
        foreach (var p in result.Posterior)
        {
            var value = p.Values.Count > 0
                ? p.Values.OrderByDescending(v => v.Count).First().Value
                : p.Parameter.Of(p.Summary.Median).Text;
            foreach (var path in p.Parameter.Paths)
            {
                text.Append(CultureInfo.InvariantCulture, $"--set {path}={value}\n");
            }
        }

        return text.ToString();
    }

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>points.csv and accepted.csv: a design point, its unit coordinates, its values, the mean over its replications of each observed statistic, its largest implausibility and its distance.</summary>
    private static CsvTable<int> Points(CalibrationResult result)
    {
        var parameters = result.Parameters;
        var table = new CsvTable<int>().Column("point", (in p) => $"p{p}");
        for (var i = 0; i < parameters.Count; i++)
        {
            var k = i;
            table.Column($"u:{parameters[k].Path}", (in p) => result.Points[p].Unit[k]);
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var k = i;
            table.Column(parameters[k].Path, (in p) => result.Points[p].Values[k].Text);
        }

        for (var s = 0; s < result.Observations.Count; s++)
        {
            var k = s;
            table.Column($"simulated:line{result.Observations[k].Line}", (in p) => result.Design[p].Means[k]);
        }

        return table
            .Column("max_implausibility", (in p) => result.Matching.Maximum[p])
            .Column("distance", (in p) => result.Distances[p]);
    }

    private static void Write<TRow>(ExperimentStore store, string name, CsvTable<TRow> table, IEnumerable<TRow> rows) =>
        AtomicOutput.WriteFile(store.PathOf(name), w =>
        {
            w.NewLine = "\n";
            table.Write(w, rows);
        });
}
