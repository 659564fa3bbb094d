using System.Text.Json;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// The result files of a finished experiment, beside its plan and replications. Every file but
/// manifest.json depends only on the plan and the scenario, so an experiment that was
/// interrupted and resumed ends with the same files as one that ran through.
/// </summary>
public static class ExperimentOutput
{
    /// <summary>comparison.csv: one row per metric and variant, with the paired difference to the baseline (empty for the baseline).</summary>
    internal static readonly CsvTable<(MetricDefinition Metric, CellSummary Cell, Estimate Value, Difference? Difference)> Comparison =
        new CsvTable<(MetricDefinition Metric, CellSummary Cell, Estimate Value, Difference? Difference)>()
            .Column("metric", (in r) => r.Metric.Key)
            .Column("label", (in r) => r.Metric.Label)
            .Column("unit", (in r) => r.Metric.Unit)
            .Column("variant", (in r) => r.Cell.Cell)
            .Column("replications", (in r) => r.Cell.Replications)
            .Column("replications_with_value", (in r) => r.Value.N)
            .Estimate("mean", "ci95_low", "ci95_high", (in r) => r.Value)
            .Difference("difference_to_baseline", (in r) => r.Difference);

    /// <summary>
    /// differences.csv of a sweep that compares variants: one row per point, metric and variant other
    /// than the baseline, the paired difference to the baseline at that point, with the columns of comparison.csv.
    /// </summary>
    internal static CsvTable<(SweepPoint Point, MetricDefinition Metric, string Baseline, Difference Difference)> PointDifferences(IReadOnlyList<string> parameters) =>
        PointColumns(new CsvTable<(SweepPoint Point, MetricDefinition Metric, string Baseline, Difference Difference)>().Column("point", (in r) => r.Point.Cell), parameters, (in r) => r.Point)
            .Column("metric", (in r) => r.Metric.Key)
            .Column("variant", (in r) => r.Difference.Cell[(r.Point.Cell.Length + 1)..])
            .Column("baseline", (in r) => r.Baseline)
            .Column("replications", (in r) => r.Difference.Paired.N)
            .Difference("difference", (in r) => r.Difference);

    /// <summary>agencies.csv: one row per cell and agency, the figures over the cell's replications.</summary>
    internal static readonly CsvTable<(string Cell, AgencyEstimates A)> Agencies = new CsvTable<(string Cell, AgencyEstimates A)>()
        .Column("cell", (in r) => r.Cell)
        .Column("agent", (in r) => r.A.Agent)
        .Column("agency", (in r) => r.A.Agency)
        .Column("name", (in r) => r.A.Name)
        .Column("organisation", (in r) => r.A.Organisation)
        .Column("staff", (in r) => r.A.Staff)
        .Estimate("utilisation", "utilisation_low", "utilisation_high", (in r) => r.A.Utilisation)
        .Estimate("waiting_caused_days", "waiting_caused_low", "waiting_caused_high", (in r) => r.A.WaitingCaused)
        .Estimate("critical_path_share", "critical_path_share_low", "critical_path_share_high", (in r) => r.A.DeterminingShare)
        .Column("unstable_replications", (in r) => r.A.UnstableIn);

    /// <summary>agencies_by_year.csv: one row per cell, agency and calendar year, the mean utilisation.</summary>
    internal static readonly CsvTable<(string Cell, AgencyEstimates A, int Year, Estimate Utilisation)> AgenciesByYear =
        new CsvTable<(string Cell, AgencyEstimates A, int Year, Estimate Utilisation)>()
            .Column("cell", (in r) => r.Cell)
            .Column("agent", (in r) => r.A.Agent)
            .Column("agency", (in r) => r.A.Agency)
            .Column("year", (in r) => r.Year)
            .Column("utilisation", (in r) => r.Utilisation.Mean);

    /// <summary>lead_times.csv: per cell the lead time at each percentile 0 to 100.</summary>
    internal static readonly CsvTable<(string Cell, int Percentile, double LeadTime)> LeadTimes = new CsvTable<(string Cell, int Percentile, double LeadTime)>()
        .Column("cell", (in r) => r.Cell)
        .Column("percentile", (in r) => r.Percentile)
        .Column("lead_time_days", (in r) => r.LeadTime);

    /// <summary>deadlines.csv: per cell and deadline group, the projects obliged, those on time, and the compliance.</summary>
    internal static readonly CsvTable<(string Cell, DeadlineEstimates D)> Deadlines = new CsvTable<(string Cell, DeadlineEstimates D)>()
        .Column("cell", (in r) => r.Cell)
        .Column("shock", (in r) => r.D.Shock)
        .Column("group", (in r) => r.D.Group)
        .Column("deadline", (in r) => r.D.Deadline)
        .Column("obliged", (in r) => r.D.Mandated.Mean)
        .Column("on_time", (in r) => r.D.OnTime.Mean)
        .Estimate("compliance", "compliance_low", "compliance_high", (in r) => r.D.Compliance);

    /// <summary>frontier.csv: per variant its yearly cost and mean lead time (the means), whether it is on the frontier, and the variants that dominate it.</summary>
    internal static readonly CsvTable<FrontierPoint> Frontier = new CsvTable<FrontierPoint>()
        .Column("variant", (in r) => r.Cell)
        .Column("cost_per_year_eur", (in r) => r.Cost)
        .Column("lead_time_mean_days", (in r) => r.LeadTime)
        .Column("on_frontier", (in r) => r.OnFrontier ? "true" : "false")
        .Column("dominated_by", (in r) => string.Join(' ', r.DominatedBy));

    /// <summary>comparison.csv, replications.csv, agencies.csv, agencies_by_year.csv, lead_times.csv, deadlines.csv, frontier.csv (with costs), the report and its figures.</summary>
    public static void WriteCompare(ExperimentStore store, CompareOutcome outcome, IReadOnlyList<ReportFile> report, IReadOnlyList<int> years)
    {
        var r = outcome.Result;
        Write(store, "comparison.csv", Comparison,
            r.Metrics.SelectMany((metric, m) => r.Cells.Select(cell => (metric, cell, cell.Metrics[m], r.DifferenceOf(cell.Cell, m)))));
        if (CostFrontier.Of(r) is { Count: > 0 } frontier)
        {
            Write(store, "frontier.csv", Frontier, frontier);
        }

        Write(store, "replications.csv", Runs(["variant"]), outcome.Digests.SelectMany(kv => RunRows([kv.Key], kv.Value, r.Metrics)));
        WriteCells(store, r.Cells, years);
        WriteReport(store, report);
    }

    /// <summary>points.csv, runs.csv (tidy: one row per run and metric), agencies.csv, agencies_by_year.csv, lead_times.csv, deadlines.csv, the report.</summary>
    public static void WriteSweep(ExperimentStore store, SweepOutcome outcome, IReadOnlyList<ReportFile> report, IReadOnlyList<int> years)
    {
        var r = outcome.Result;
        string[] parameters = [.. r.Parameters.Select(p => p.Path)];
        var compared = r.Variants.Count > 0;

        // Without variants to compare a point has one cell; with them, one per variant, baseline first.
        var cells = r.Points.SelectMany((point, i) => compared
            ? r.Variants.Select((variant, v) => (point, Variant: (string?)variant, Cell: r.Comparisons[i].Cells[v]))
            : [(point, Variant: (string?)null, Cell: r.Cells[i])]).ToList();
        Write(store, "points.csv", Points(parameters, compared),
            cells.SelectMany(c => r.Metrics.Select((metric, m) => (c.point, c.Variant, metric, c.Cell.Replications, c.Cell.Metrics[m]))));
        Write(store, "runs.csv", Runs(["point", .. parameters, .. compared ? ["variant"] : Array.Empty<string>()]),
            cells.SelectMany(c => RunRows([c.point.Cell, .. c.point.Values, .. c.Variant is { } v ? [v] : Array.Empty<string>()], outcome.Digests[c.Cell.Cell], r.Metrics)));
        if (compared)
        {
            Write(store, "differences.csv", PointDifferences(parameters),
                r.Points.SelectMany((point, i) => r.Metrics.SelectMany((metric, m) => r.Variants.Skip(1).Select(variant =>
                    (point, metric, r.Variants[0], r.Comparisons[i].DifferenceOf(SweepExperiment.CellId(point, variant), m)!)))));
        }

        WriteCells(store, r.Cells, years);
        WriteReport(store, report);
    }

    /// <summary>
    /// The files of a sensitivity design: design.csv (each point's place in the unit hypercube and
    /// its values), runs.csv (every replication of every point and variant), outputs.csv (each
    /// point's level or paired difference per metric), indices.csv, robustness.csv and the report.
    /// </summary>
    public static void WriteSensitivity(ExperimentStore store, SensitivityExperiment experiment, SensitivityOutcome outcome, IReadOnlyList<ReportFile> report)
    {
        var r = outcome.Result;
        var paths = experiment.Parameters.Select(p => p.Path).ToList();
        var design = new CsvTable<DesignPoint>().Column("point", (in d) => d.Cell);
        for (var k = 0; k < paths.Count; k++)
        {
            var i = k;
            design.Column($"u:{paths[i]}", (in d) => d.Unit[i]);
        }

        for (var k = 0; k < paths.Count; k++)
        {
            var i = k;
            design.Column(paths[i], (in d) => d.Values[i].Text);
        }

        Write(store, "design.csv", design, experiment.Points);
        var metrics = outcome.Digests.Count == 0 ? [] : experiment.Plan.MetricKeys;
        Write(store, "runs.csv", Runs(["point", "variant"]), experiment.Points.SelectMany(point => experiment.Plan.Variants.SelectMany(variant =>
            outcome.Digests[SensitivityExperiment.CellId(point.Index, variant)].SelectMany(d => metrics.Select((m, i) => ((IReadOnlyList<string>)[point.Cell, variant], d.Replication, m, d.Metrics[i]))))));
        Write(store, "outputs.csv", new CsvTable<(SensitivityOutput Output, int Point)>()
                .Column("point", (in o) => $"p{o.Point}")
                .Column("metric", (in o) => o.Output.Metric.Key)
                .Column("variant", (in o) => o.Output.Variant)
                .Column("baseline", (in o) => o.Output.Baseline ?? "")
                .Column("value", (in o) => o.Output.Values[o.Point]),
            r.Outputs.SelectMany(o => Enumerable.Range(0, o.Values.Length).Select(p => (o, p))));
        Write(store, "indices.csv", new CsvTable<SensitivityIndex>()
                .Column("metric", (in x) => x.Metric)
                .Column("output", (in x) => x.Output)
                .Column("parameter", (in x) => x.Parameter)
                .Column("method", (in x) => x.Method)
                .Column("index", (in x) => x.Index)
                .Column("value", (in x) => x.Estimate.Value)
                .Column("ci_low", (in x) => x.Estimate.Low)
                .Column("ci_high", (in x) => x.Estimate.High),
            r.Indices);
        Write(store, "robustness.csv", new CsvTable<RobustnessFigure>()
                .Column("variant", (in x) => x.Variant)
                .Column("baseline", (in x) => x.Baseline)
                .Column("metric", (in x) => x.Metric.Key)
                .Column("better", (in x) => x.Metric.Better == Better.Lower ? "lower" : "higher")
                .Column("wins", (in x) => x.Share.Wins)
                .Column("points", (in x) => x.Share.Points)
                .Column("undefined", (in x) => x.Share.Undefined)
                .Column("share", (in x) => x.Share.Share)
                .Column("ci_low", (in x) => x.Share.Low)
                .Column("ci_high", (in x) => x.Share.High),
            r.Robustness);
        WriteReport(store, report);
    }

    /// <summary>
    /// points.csv of a sweep over <paramref name="parameters"/>: one row per point (and, when the sweep
    /// compares variants, per variant) and metric, the estimate over the cell's replications.
    /// </summary>
    internal static CsvTable<(SweepPoint Point, string? Variant, MetricDefinition Metric, int Replications, Estimate Value)> Points(IReadOnlyList<string> parameters, bool variants = false)
    {
        var table = PointColumns(new CsvTable<(SweepPoint Point, string? Variant, MetricDefinition Metric, int Replications, Estimate Value)>().Column("point", (in r) => r.Point.Cell),
            parameters, (in r) => r.Point);
        if (variants)
        {
            table.Column("variant", (in r) => r.Variant ?? "");
        }

        return table
            .Column("metric", (in r) => r.Metric.Key)
            .Column("replications", (in r) => r.Replications)
            .Column("replications_with_value", (in r) => r.Value.N)
            .Estimate("mean", "ci95_low", "ci95_high", (in r) => r.Value);
    }

    /// <summary>One column per parameter of a sweep, the point's value.</summary>
    private static CsvTable<TRow> PointColumns<TRow>(CsvTable<TRow> table, IReadOnlyList<string> parameters, CsvValue<TRow, SweepPoint> point)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = i;
            table.Column(parameters[i], (in r) => point(in r).Values[parameter]);
        }

        return table;
    }

    /// <summary>
    /// replications.csv (keys: the variant) or runs.csv (keys: the point and its parameters): one row per cell,
    /// replication and metric, the shape R's tidyverse and pandas load directly.
    /// </summary>
    internal static CsvTable<(IReadOnlyList<string> Keys, int Replication, string Metric, double Value)> Runs(IReadOnlyList<string> keys)
    {
        var table = new CsvTable<(IReadOnlyList<string> Keys, int Replication, string Metric, double Value)>();
        for (var i = 0; i < keys.Count; i++)
        {
            var key = i;
            table.Column(keys[i], (in r) => r.Keys[key]);
        }

        return table
            .Column("replication", (in r) => r.Replication)
            .Column("metric", (in r) => r.Metric)
            .Column("value", (in r) => r.Value);
    }

    /// <summary>The experiment's manifest: the plan, how it ran (engine, silos, wall time), and the variants' definitions.</summary>
    public static void WriteManifest(ExperimentStore store, ExperimentManifest manifest) =>
        store.WriteText("manifest.json", JsonSerializer.Serialize(manifest, ExperimentStore.Json) + "\n");

    private static IEnumerable<(IReadOnlyList<string> Keys, int Replication, string Metric, double Value)> RunRows(
        IReadOnlyList<string> keys, IReadOnlyList<ReplicationDigest> digests, IReadOnlyList<MetricDefinition> metrics) =>
        digests.SelectMany(d => metrics.Select((metric, m) => (keys, d.Replication, metric.Key, d.Metrics[m])));

    private static void WriteCells(ExperimentStore store, IReadOnlyList<CellSummary> cells, IReadOnlyList<int> years)
    {
        Write(store, "agencies.csv", Agencies, cells.SelectMany(cell => cell.Agencies.Select(a => (cell.Cell, a))));
        Write(store, "agencies_by_year.csv", AgenciesByYear, cells.SelectMany(cell => cell.Agencies.SelectMany(a =>
            a.YearUtilisation.Take(years.Count).Select((utilisation, y) => (cell.Cell, a, years[y], utilisation)))));
        Write(store, "lead_times.csv", LeadTimes, cells.SelectMany(cell => cell.LeadTimePercentiles.Select((lead, p) => (cell.Cell, p, lead))));
        Write(store, "deadlines.csv", Deadlines, cells.SelectMany(cell => cell.Deadlines.Select(d => (cell.Cell, d))));
    }

    internal static void WriteReport(ExperimentStore store, IReadOnlyList<ReportFile> report)
    {
        foreach (var file in report)
        {
            store.WriteText(file.Name, file.Text);
        }
    }

    private static void Write<TRow>(ExperimentStore store, string name, CsvTable<TRow> table, IEnumerable<TRow> rows) =>
        AtomicOutput.WriteFile(store.PathOf(name), w =>
        {
            w.NewLine = "\n";
            table.Write(w, rows);
        });
}

/// <summary>
/// What manifest.json says of an experiment: the fields every manifest starts with
/// (<see cref="ManifestHead"/>; the wall time, events and engine of this run), then how this run
/// went, the plan and the variants' definitions.
/// </summary>
public sealed record ExperimentManifest(
    string Program,
    string ProgramVersion,
    string? GitCommit,
    string Command,
    string CreatedUtc,
    string ScenarioFile,
    string ScenarioName,
    string ScenarioSha256,
    ulong Seed,
    int Replications,
    string Engine,
    int Silos,
    long Events,
    double WallSeconds,
    bool? PrecisionReached,
    int ComputedThisRun,
    int ResumedFromStore,
    ExperimentPlan Plan,
    IReadOnlyList<VariantInfo> Variants)
{
    /// <summary>Silos that left the cluster during this run (replications on them ran again); null when none did.</summary>
    public int? SilosLost { get; init; }

    /// <summary>Replications run again from the start because their silo left; null when none were.</summary>
    public int? ReplicationsRerun { get; init; }
}
