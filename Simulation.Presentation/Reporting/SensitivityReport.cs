using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// The report of <c>isdnsim sensitivity</c>, for a commission member: first, in words, how often
/// each variant beats the baseline across the plausible worlds of the design and on which
/// parameter that depends most; then the robustness bars, a tornado chart per key output (the
/// share of its variance each parameter explains, or Morris's mean absolute effect), scatter plots
/// of the output against its two most influential parameters, and the parameters with their ranges.
/// </summary>
public static class SensitivityReport
{
    /// <summary>Parameters shown in a tornado chart; the rest are in indices.csv.</summary>
    private const int TornadoParameters = 12;

    /// <summary>report.html, and each of its figures also as figures/&lt;name&gt;.svg.</summary>
    public static IReadOnlyList<ReportFile> Build(ReportContext context, SensitivityExperiment experiment, SensitivityResult result)
    {
        var design = experiment.Design;
        var sobol = design.Method == DesignSpec.Sobol;
        var posterior = design.Method == DesignSpec.Posterior;
        var page = new HtmlPage($"{context.ScenarioName}: sensitivity to the uncertain parameters");
        var variants = experiment.Plan.Variants;

        page.Heading(2, "How to read this report");
        page.Paragraph(
            (posterior
                ? $"The scenario ran at the {experiment.Points.Count} worlds (combinations of its {experiment.Parameters.Count} uncertain parameters' values) that the " +
                  $"calibration in {design.PosteriorFrom} accepted: of its {design.Samples} sampled worlds, those whose simulated statistics came closest to the observed ones " +
                  "(its fit.csv says how close). The shares below are for worlds that agree with the data, as far as the calibration could tell; they are a sample " +
                  "of the posterior, not a design, so there are no indices of the parameters. "
                : $"The scenario's {experiment.Parameters.Count} uncertain parameters were varied together over their declared ranges: {experiment.Points.Count} " +
                  "combinations of values (design points), each a plausible world, chosen by ") +
            (posterior ? "" : sobol
                ? $"Saltelli's scheme on a Sobol' sequence ({design.Samples} base samples). For each output, S1 is the share of its variance a parameter explains alone, " +
                  "ST the share it explains with all its interactions; a parameter with ST near 0 does not matter within its range. "
                : $"Morris's method ({design.Samples} trajectories on {design.Levels} levels). mu* is the mean absolute change of an output when a parameter moves across " +
                  "two thirds of its range (screening: large mu* matters), sigma how much that change depends on the other parameters. ") +
            $"At every point every variant ran the same {experiment.Plan.Replications} replication(s) with the same random numbers, so a variant's difference to " +
            $"\"{Name(context, variants[0])}\" at a point is paired. Intervals in brackets are 95 % bootstrap intervals (indices) or Wilson intervals (shares). " +
            "A share of worlds is not a probability that the variant is better: it is as good as the ranges, which are themselves assumptions (the parameters table).");
        page.Facts([
            ("Method", posterior ? $"the worlds a calibration accepted ({design.PosteriorFrom})" : sobol ? "Sobol' indices (Saltelli 2010, Jansen 1999)" : "Morris elementary effects"),
            ("Design points", ReportFormat.Count(experiment.Points.Count)),
            ("Variants at each point", string.Join(", ", variants.Select(v => Name(context, v)))),
            ("Replications per point and variant", ReportFormat.Count(experiment.Plan.Replications)),
            ("Seed", context.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        page.Heading(2, "What it says");
        page.List(Statements(context, experiment, result));

        if (result.Robustness.Count > 0)
        {
            page.Heading(2, "How robust each variant's advantage is");
            page.Figure("robustness", SvgChart.Bars($"Share of {Worlds(design)} in which the variant is better than " + Name(context, variants[0]),
                    new ChartAxis("share of design points", " %") { Min = 0, Max = 100 }, ["share better"],
                    [.. result.Robustness.Select(r => new BarGroup($"{Name(context, r.Variant)}: {r.Metric.Label}",
                        [new BarValue(r.Share.Share * 100, r.Share.Low * 100, r.Share.High * 100, $"{ReportFormat.Percent(r.Share.Share)} of {r.Share.Points}")]))]),
                "Share of design points where the variant beats the baseline, with its 95 % Wilson interval (robustness.csv).");
        }

        var figure = 0;
        foreach (var output in KeyOutputs(result))
        {
            figure++;
            var rows = result.Indices.Where(i => i.Metric == output.Metric.Key && i.Output == output.Name).ToList();
            var main = sobol ? "ST" : "mu_star";
            var ranked = rows.Where(i => i.Index == main).OrderByDescending(i => i.Estimate.Value).Take(TornadoParameters).ToList();
            if (ranked.Count == 0)
            {
                continue;
            }

            var series = sobol ? new[] { "S1", "ST" } : ["mu_star"];
            var title = $"{output.Metric.Label} of {OutputName(context, output)}";
            page.Heading(2, title);
            page.Figure($"tornado-{figure}", SvgChart.Bars(title,
                    new ChartAxis(sobol ? "share of variance" : $"mean absolute effect ({ReportFormat.Unit(output.Metric)})") { Min = 0 }, series,
                    [.. ranked.Select(p => new BarGroup(p.Parameter, [.. series.Select(s => rows.FirstOrDefault(r => r.Parameter == p.Parameter && r.Index == s) is { } x
                        ? new BarValue(x.Estimate.Value, x.Estimate.Low, x.Estimate.High, ReportFormat.Number(x.Estimate.Value, 2))
                        : null)]))]),
                "The parameters that matter most for this output, largest first (indices.csv has them all).");

            foreach (var parameter in ranked.Take(2))
            {
                var k = experiment.Parameters.Select((p, i) => (p, i)).First(x => x.p.Path == parameter.Parameter).i;
                var points = experiment.Points.Select(p => new ScatterPoint("", Number(p, k), output.Values[p.Index] * ReportFormat.Scale(output.Metric))).ToList();
                page.Figure($"scatter-{figure}-{k + 1}", SvgChart.Scatter(
                        $"{title} against {parameter.Parameter}",
                        new ChartAxis($"{parameter.Parameter} ({experiment.Parameters[k].Quantity.CanonicalUnit})"),
                        new ChartAxis($"{output.Metric.Label} ({ReportFormat.Unit(output.Metric)})"), points, ""),
                    "Each dot is a design point; the spread at one value comes from the other parameters.");
            }
        }

        if (result.Skipped.Count > 0)
        {
            page.Heading(2, "Not analysed");
            page.List(result.Skipped);
        }

        page.Heading(2, "Parameters and their ranges");
        page.Table("parameters", ["Parameter (path)", "Range", "Basis", "Note"], experiment.Parameters.Select(p => (IReadOnlyList<HtmlCell>)[
            HtmlCell.Text(p.Path),
            HtmlCell.Text($"{UncertainShapes.Name(p.Distribution.Shape)} [{string.Join(", ", p.Distribution.Written)}]"),
            HtmlCell.Text(p.Source ?? (p.Assumption ? "ASSUMPTION" : "")),
            HtmlCell.Text(p.Note ?? ""),
        ]));
        return page.Finish(context.ProgramVersion);
    }

    /// <summary>The sentences of "What it says": per variant and metric, how often it wins and what that depends on most.</summary>
    public static IReadOnlyList<string> Statements(ReportContext context, SensitivityExperiment experiment, SensitivityResult result)
    {
        var main = experiment.Design.Method == DesignSpec.Sobol ? "ST" : "mu_star";
        var statements = new List<string>();
        foreach (var r in result.Robustness)
        {
            var output = $"{r.Variant} - {r.Baseline}";
            var driver = result.Indices.Where(i => i.Metric == r.Metric.Key && i.Output == output && i.Index == main).MaxBy(i => i.Estimate.Value);
            var label = Label(r.Metric);
            var verb = r.Metric.Better == Analysis.Experiments.Better.Lower ? "lowers" : "raises";
            var share = r.Share.Points == 0
                ? $"{Name(context, r.Variant)}: {label} could not be compared at any point"
                : $"{Name(context, r.Variant)} {verb} the {label} against {Name(context, r.Baseline)} in {ReportFormat.Percent(r.Share.Share)} " +
                  $"[{ReportFormat.Number(r.Share.Low * 100, 0)}, {ReportFormat.Number(r.Share.High * 100, 0)}] of {r.Share.Points} {Worlds(experiment.Design)}";
            statements.Add(driver is null
                ? share + "."
                : share + $"; the difference depends mostly on {driver.Parameter} ({(main == "ST" ? "ST" : "mu*")} {ReportFormat.Number(driver.Estimate.Value, 2)} " +
                  $"[{ReportFormat.Number(driver.Estimate.Low, 2)}, {ReportFormat.Number(driver.Estimate.High, 2)}]).");
        }

        if (statements.Count == 0)
        {
            foreach (var output in result.Outputs.Where(o => o.Baseline is null && o.Metric.Key == result.Outputs[0].Metric.Key))
            {
                var driver = result.Indices.Where(i => i.Metric == output.Metric.Key && i.Output == output.Name && i.Index == main).MaxBy(i => i.Estimate.Value);
                if (driver is not null)
                {
                    statements.Add($"{output.Metric.Label} of {Name(context, output.Variant)} depends mostly on {driver.Parameter} " +
                                   $"({(main == "ST" ? "ST" : "mu*")} {ReportFormat.Number(driver.Estimate.Value, 2)}). Give --variants to compare variants across the worlds.");
                }
            }
        }

        return statements;
    }

    /// <summary>What the points are, in the statements: "plausible worlds" of a design over ranges, or the worlds a calibration accepted.</summary>
    private static string Worlds(DesignSpec design) => design.Method == DesignSpec.Posterior ? "worlds that agree with the observed data" : "plausible worlds";

    /// <summary>Lead time mean first: each variant's difference to the baseline, or with one variant its level.</summary>
    private static IEnumerable<SensitivityOutput> KeyOutputs(SensitivityResult result)
    {
        var differences = result.Outputs.Where(o => o.Baseline is not null).ToList();
        var key = differences.Count > 0 ? differences : [.. result.Outputs.Where(o => o.Baseline is null)];
        return key.Where(o => o.Metric.Key == result.Outputs[0].Metric.Key);
    }

    /// <summary>The metric's label in lower case, without the German term in brackets: "lead time, mean".</summary>
    private static string Label(Analysis.Experiments.MetricDefinition metric) =>
        System.Text.RegularExpressions.Regex.Replace(metric.Label, @"\s*\([^)]*\)$", "").ToLowerInvariant();

    private static double Number(DesignPoint point, int parameter) =>
        point.Values[parameter].Number is var n && double.IsFinite(n) ? n : point.Unit[parameter];

    private static string OutputName(ReportContext context, SensitivityOutput output) =>
        output.Baseline is null ? Name(context, output.Variant) : $"{Name(context, output.Variant)} minus {Name(context, output.Baseline)}";

    private static string Name(ReportContext context, string variant) => ReportSections.NameOf(context, variant);
}
