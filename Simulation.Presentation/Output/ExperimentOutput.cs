using System.Text.Json;
using IsdnSim.Analysis.Experiments;
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
    /// <summary>comparison.csv, replications.csv, agencies.csv, agencies_by_year.csv, lead_times.csv, deadlines.csv, the report and its figures.</summary>
    public static void WriteCompare(ExperimentStore store, CompareOutcome outcome, IReadOnlyList<ReportFile> report, IReadOnlyList<int> years)
    {
        var r = outcome.Result;
        Write(store, "comparison.csv", csv =>
        {
            csv.Header("metric", "label", "unit", "variant", "replications", "mean", "ci95_low", "ci95_high",
                "difference_to_baseline", "difference_low", "difference_high", "difference_level", "significant", "unpaired_half_width");
            for (var m = 0; m < r.Metrics.Count; m++)
            {
                foreach (var cell in r.Cells)
                {
                    var metric = r.Metrics[m];
                    Estimate(csv.Add(metric.Key).Add(metric.Label).Add(metric.Unit).Add(cell.Cell).Add(cell.Replications), cell.Metrics[m]);
                    if (r.DifferenceOf(cell.Cell, m) is { } d)
                    {
                        Estimate(csv, d.Paired);
                        csv.Add(d.Level).Add(d.Paired.HalfWidth is null ? "" : d.Significant ? "true" : "false").Add(d.UnpairedHalfWidth ?? double.NaN);
                    }
                    else
                    {
                        csv.Add("").Add("").Add("").Add("").Add("").Add("");
                    }

                    csv.EndRow();
                }
            }
        });
        WriteRuns(store, "replications.csv", ["variant"], r.Metrics, outcome.Digests.Select(kv => ((IReadOnlyList<string>)[kv.Key], kv.Value)));
        WriteCells(store, r.Cells, years);
        WriteReport(store, report);
    }

    /// <summary>points.csv, runs.csv (tidy: one row per run and metric), agencies.csv, agencies_by_year.csv, lead_times.csv, deadlines.csv, the report.</summary>
    public static void WriteSweep(ExperimentStore store, SweepOutcome outcome, IReadOnlyList<ReportFile> report, IReadOnlyList<int> years)
    {
        var r = outcome.Result;
        string[] parameters = [.. r.Parameters.Select(p => p.Path)];
        Write(store, "points.csv", csv =>
        {
            csv.Header(["point", .. parameters, "metric", "replications", "mean", "ci95_low", "ci95_high"]);
            for (var i = 0; i < r.Points.Count; i++)
            {
                for (var m = 0; m < r.Metrics.Count; m++)
                {
                    csv.Add(r.Points[i].Cell);
                    foreach (var v in r.Points[i].Values)
                    {
                        csv.Add(v);
                    }

                    Estimate(csv.Add(r.Metrics[m].Key).Add(r.Cells[i].Replications), r.Cells[i].Metrics[m]);
                    csv.EndRow();
                }
            }
        });
        WriteRuns(store, "runs.csv", ["point", .. parameters], r.Metrics,
            r.Points.Select(p => ((IReadOnlyList<string>)[p.Cell, .. p.Values], outcome.Digests[p.Cell])));
        WriteCells(store, r.Cells, years);
        WriteReport(store, report);
    }

    /// <summary>The experiment's manifest: the plan, how it ran (engine, silos, wall time), and the variants' definitions.</summary>
    public static void WriteManifest(ExperimentStore store, ExperimentManifest manifest) =>
        store.WriteText("manifest.json", JsonSerializer.Serialize(manifest, ExperimentStore.Json) + "\n");

    /// <summary>One row per cell, replication and metric: the shape R's tidyverse and pandas load directly.</summary>
    private static void WriteRuns(ExperimentStore store, string name, string[] keys, IReadOnlyList<MetricDefinition> metrics,
        IEnumerable<(IReadOnlyList<string> Keys, IReadOnlyList<ReplicationDigest> Digests)> cells)
    {
        Write(store, name, csv =>
        {
            csv.Header([.. keys, "replication", "metric", "value"]);
            foreach (var (cellKeys, digests) in cells)
            {
                foreach (var d in digests)
                {
                    for (var m = 0; m < metrics.Count; m++)
                    {
                        foreach (var k in cellKeys)
                        {
                            csv.Add(k);
                        }

                        csv.Add(d.Replication).Add(metrics[m].Key).Add(d.Metrics[m]).EndRow();
                    }
                }
            }
        });
    }

    private static void WriteCells(ExperimentStore store, IReadOnlyList<CellSummary> cells, IReadOnlyList<int> years)
    {
        Write(store, "agencies.csv", csv =>
        {
            csv.Header("cell", "agent", "agency", "name", "organisation", "staff", "utilisation", "utilisation_low", "utilisation_high",
                "waiting_caused_days", "waiting_caused_low", "waiting_caused_high", "critical_path_share", "critical_path_share_low", "critical_path_share_high",
                "unstable_replications");
            foreach (var cell in cells)
            {
                foreach (var a in cell.Agencies)
                {
                    csv.Add(cell.Cell).Add(a.Agent).Add(a.Agency).Add(a.Name).Add(a.Organisation).Add(a.Staff);
                    Estimate(csv, a.Utilisation);
                    Estimate(csv, a.WaitingCaused);
                    Estimate(csv, a.DeterminingShare);
                    csv.Add(a.UnstableIn);
                    csv.EndRow();
                }
            }
        });
        Write(store, "agencies_by_year.csv", csv =>
        {
            csv.Header("cell", "agent", "agency", "year", "utilisation");
            foreach (var cell in cells)
            {
                foreach (var a in cell.Agencies)
                {
                    for (var y = 0; y < a.YearUtilisation.Count && y < years.Count; y++)
                    {
                        csv.Add(cell.Cell).Add(a.Agent).Add(a.Agency).Add(years[y]).Add(a.YearUtilisation[y].Mean).EndRow();
                    }
                }
            }
        });
        Write(store, "lead_times.csv", csv =>
        {
            csv.Header("cell", "percentile", "lead_time_days");
            foreach (var cell in cells)
            {
                for (var p = 0; p < cell.LeadTimePercentiles.Length; p++)
                {
                    csv.Add(cell.Cell).Add(p).Add(cell.LeadTimePercentiles[p]).EndRow();
                }
            }
        });
        Write(store, "deadlines.csv", csv =>
        {
            csv.Header("cell", "shock", "group", "deadline", "obliged", "on_time", "compliance", "compliance_low", "compliance_high");
            foreach (var cell in cells)
            {
                foreach (var d in cell.Deadlines)
                {
                    csv.Add(cell.Cell).Add(d.Shock).Add(d.Group).Add(d.Deadline).Add(d.Mandated.Mean).Add(d.OnTime.Mean);
                    Estimate(csv, d.Compliance);
                    csv.EndRow();
                }
            }
        });
    }

    private static void WriteReport(ExperimentStore store, IReadOnlyList<ReportFile> report)
    {
        foreach (var file in report)
        {
            store.WriteText(file.Name, file.Text);
        }
    }

    private static Csv Estimate(Csv csv, Estimate e) =>
        csv.Add(e.N > 0 ? e.Mean : double.NaN).Add(e.Low ?? double.NaN).Add(e.High ?? double.NaN);

    private static void Write(ExperimentStore store, string name, Action<Csv> write) =>
        AtomicOutput.WriteFile(store.PathOf(name), w =>
        {
            w.NewLine = "\n";
            write(new Csv(w));
        });
}

/// <summary>What manifest.json says of an experiment: its plan, the variants' definitions, and how this run went.</summary>
public sealed record ExperimentManifest(
    ExperimentPlan Plan,
    string ScenarioName,
    IReadOnlyList<VariantInfo> Variants,
    int Replications,
    bool? PrecisionReached,
    string Engine,
    int Silos,
    int ComputedThisRun,
    int ResumedFromStore,
    DateTimeOffset CreatedUtc,
    double WallSeconds,
    long Events)
{
    /// <summary>Silos that left the cluster during this run (replications on them ran again); null when none did.</summary>
    public int? SilosLost { get; init; }

    /// <summary>Replications run again from the start because their silo left; null when none were.</summary>
    public int? ReplicationsRerun { get; init; }
}
