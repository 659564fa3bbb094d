using System.Globalization;
using System.Text.Json;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// Writes a run's folder: summary.json (figures with confidence intervals and bottleneck
/// rankings), projects.csv, agencies.csv and manifest.json. All but the manifest depend only
/// on (scenario, seed, replications), never on the engine or the machine.
/// </summary>
public static class ResultWriter
{
    public static void Write(string directory, SimulationModel model, IReadOnlyList<ReplicationResult> results, RunSummary summary, RunManifest manifest)
    {
        using var output = AtomicOutput.Begin(directory);
        WriteSummary(output.PathOf("summary.json"), model, summary);
        WriteProjects(output.PathOf("projects.csv"), model, results);
        WriteAgencies(output.PathOf("agencies.csv"), model, results);
        WriteAgenciesByYear(output.PathOf("agencies_by_year.csv"), model, results);
        WriteManifest(output.PathOf("manifest.json"), manifest);
        output.Commit();
    }

    /// <summary>projects.csv: one row per replication and project finished after the warm-up.</summary>
    internal static readonly CsvTable<(SimulationModel Model, ProjectNames Names, int Replication, ProjectRecord P)> Projects = new CsvTable<(SimulationModel Model, ProjectNames Names, int Replication, ProjectRecord P)>()
        .Column("replication", (in r) => r.Replication)
        .Column("project", (in r) => r.Names.Of(r.P.Id))
        .Column("process", (in r) => r.Model.Processes[r.P.Id.Process].Id)
        .Column("municipality", (in r) => r.Model.Agents[r.P.Id.Owner].Id)
        .Column("arrival_day", (in r) => r.P.Arrival)
        .Column("finish_day", (in r) => r.P.Finish)
        .Column("lead_time_days", (in r) => r.P.LeadTime)
        .Column("arrival_date", (in r) => Date(r.Model, r.P.Arrival))
        .Column("finish_date", (in r) => Date(r.Model, r.P.Finish))
        .Column("wait_days", (in r) => r.P.Path.Wait)
        .Column("service_days", (in r) => r.P.Path.Service)
        .Column("council_days", (in r) => r.P.Path.Council)
        .Column("handoff_days", (in r) => r.P.Path.Handoff)
        .Column("rework_days", (in r) => r.P.Path.Rework)
        .Column("window_days", (in r) => r.P.Path.Window)
        .Column("critical_chain_handoffs", (in r) => r.P.Handoffs)
        .Column("critical_chain_reworks", (in r) => r.P.Reworks)
        .Column("determining_step", (in r) => r.P.Dominant.Step >= 0 ? r.Model.Processes[r.P.Id.Process].Steps[r.P.Dominant.Step].Id : "")
        .Column("determining_agent", (in r) => r.P.Dominant.Step >= 0 ? r.Model.Agents[r.P.Dominant.Agent].Id : "")
        .Column("determining_agency", (in r) => r.P.Dominant.Step >= 0 ? r.Model.Agents[r.P.Dominant.Agent].Agencies[r.P.Dominant.Agency].Id : "")
        .Column("shock", (in r) => r.P.Shock >= 0 ? r.Model.Definition.Shocks[r.P.Shock].Id : "")

        // The deadline is the end of the deadline day: print the day.
        .Column("deadline_date", (in r) => r.P.Shock >= 0 ? Date(r.Model, r.P.Deadline - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        .Column("on_time", (in r) => r.P.Shock >= 0 ? (r.P.OnTime ? "true" : "false") : "");

    /// <summary>agencies.csv: one row per replication and agency.</summary>
    internal static readonly CsvTable<(SimulationModel Model, int Replication, AgencyStatistics A)> Agencies = new CsvTable<(SimulationModel Model, int Replication, AgencyStatistics A)>()
        .Column("replication", (in r) => r.Replication)
        .Column("agent", (in r) => r.Model.Agents[r.A.Agent].Id)
        .Column("agency", (in r) => r.Model.Agents[r.A.Agent].Agencies[r.A.Agency].Id)
        .Column("kind", (in r) => Kind(r.A))
        .Column("staff", (in r) => r.A.Staff)
        .Column("utilisation", (in r) => r.A.Utilisation)
        .Column("mean_queue_length", (in r) => r.A.MeanQueueLength)
        .Column("mean_wait_days", (in r) => r.A.MeanWait)
        .Column("items_arrived", (in r) => r.A.Arrived)
        .Column("items_started", (in r) => r.A.Started)
        .Column("items_done", (in r) => r.A.Done)
        .Column("waiting_caused_days", (in r) => r.A.WaitingCaused)
        .Column("in_queue_at_end", (in r) => r.A.InQueueAtEnd)
        .Column("in_service_at_end", (in r) => r.A.InServiceAtEnd);

    /// <summary>agencies_by_year.csv: one row per replication, simulated year (counted from 1) and agency.</summary>
    internal static readonly CsvTable<(SimulationModel Model, int Replication, int Year, AgencyStatistics A)> AgenciesByYear = new CsvTable<(SimulationModel Model, int Replication, int Year, AgencyStatistics A)>()
        .Column("replication", (in r) => r.Replication)
        .Column("year", (in r) => r.Year + 1)
        .Column("year_start", (in r) => Date(r.Model, r.Model.YearStarts[r.Year]))
        .Column("agent", (in r) => r.Model.Agents[r.A.Agent].Id)
        .Column("agency", (in r) => r.Model.Agents[r.A.Agent].Agencies[r.A.Agency].Id)
        .Column("kind", (in r) => Kind(r.A))
        .Column("utilisation", (in r) => r.A.YearUtilisation[r.Year])
        .Column("waiting_caused_days", (in r) => r.A.YearWaitingCaused[r.Year]);

    public static void WriteProjects(string path, SimulationModel model, IReadOnlyList<ReplicationResult> results)
    {
        var names = new ProjectNames(model);

        // Projects finished during the warm-up are not observations (the summary skips them too).
        Projects.Write(path, results.SelectMany(r => r.Projects.Where(p => p.Finish >= model.Warmup.Days).Select(p => (model, names, r.Replication, p))));
    }

    public static void WriteAgencies(string path, SimulationModel model, IReadOnlyList<ReplicationResult> results) =>
        Agencies.Write(path, results.SelectMany(r => r.Agencies.Select(a => (model, r.Replication, a))));

    /// <summary>One row per replication, simulated year and agency: how the bottlenecks move over the years.</summary>
    public static void WriteAgenciesByYear(string path, SimulationModel model, IReadOnlyList<ReplicationResult> results) =>
        AgenciesByYear.Write(path, results.SelectMany(r => Enumerable.Range(0, model.YearStarts.Length).SelectMany(y => r.Agencies.Select(a => (model, r.Replication, y, a)))));

    public static void WriteSummary(string path, SimulationModel model, RunSummary summary)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        var d = model.Definition;
        json.WriteStartObject();
        json.WriteString("scenario", d.Name);
        if (d.AppliedVariant is { } variant)
        {
            json.WriteString("variant", variant);
        }
        else
        {
            json.WriteNull("variant");
        }

        json.WriteNumber("seed", d.Seed);
        json.WriteNumber("replications", summary.Replications);
        json.WriteString("start", d.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("horizon_days", model.Horizon.Days);
        json.WriteNumber("warmup_days", model.Warmup.Days);
        json.WriteNumber("confidence_level", 0.95);

        json.WritePropertyName("headline");
        WriteFlow(json, summary.Overall);
        WriteStability(json, summary);

        json.WriteStartArray("processes");
        foreach (var (process, figures) in summary.Processes)
        {
            json.WriteStartObject();
            json.WriteString("id", process.Id);
            json.WriteString("name", process.Name);
            json.WritePropertyName("figures");
            WriteFlow(json, figures);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("agencies");
        foreach (var a in summary.Agencies)
        {
            WriteAgency(json, a);
        }

        json.WriteEndArray();

        json.WriteStartObject("bottlenecks");
        WriteRanking(json, "by_utilisation", summary.ByUtilisation, a => a.Utilisation);
        WriteRanking(json, "by_waiting_caused", summary.ByWaitingCaused, a => a.WaitingCaused);
        WriteRanking(json, "critical_path_share", summary.ByDetermining, a => a.DeterminingShare);
        json.WriteStartArray("by_year");
        for (var y = 0; y < summary.ByYear.Count; y++)
        {
            json.WriteStartObject();
            json.WriteNumber("year", y + 1);
            json.WriteString("from", Date(model, model.YearStarts[y]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("by_utilisation");
            var rank = 1;
            foreach (var (agency, utilisation) in summary.ByYear[y].Take(5))
            {
                json.WriteStartObject();
                json.WriteNumber("rank", rank++);
                json.WriteString("agent", agency.Agent);
                json.WriteString("agency", agency.Agency);
                WriteEstimate(json, "value", utilisation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("between_levels");
        WriteLevelPairs(json, "handoffs", summary.Handoffs);
        WriteLevelPairs(json, "returns_for_rework", summary.Reworks);
        json.WriteEndObject();
        WriteEstimate(json, "territorial_congruence", summary.Congruence);
        WriteEstimate(json, "consultations_deemed_approved_share", summary.DeemedShare);

        json.WriteStartArray("deadlines");
        foreach (var d2 in summary.Deadlines)
        {
            json.WriteStartObject();
            json.WriteString("shock", d2.Shock);
            json.WriteString("name", d2.ShockName);
            json.WriteString("group", d2.Group);
            json.WriteString("deadline", d2.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteEstimate(json, "obliged", d2.Mandated);
            WriteEstimate(json, "on_time", d2.OnTime);
            WriteEstimate(json, "late", d2.Late);
            WriteEstimate(json, "unfinished", d2.Unfinished);
            WriteEstimate(json, "compliance", d2.Compliance);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLevelPairs(Utf8JsonWriter json, string name, IReadOnlyList<(string From, string To, Estimate Count)> pairs)
    {
        json.WriteStartArray(name);
        foreach (var (from, to, count) in pairs)
        {
            json.WriteStartObject();
            json.WriteString("from", from);
            json.WriteString("to", to);
            WriteEstimate(json, "count", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void WriteManifest(string path, RunManifest m) => RunManifestFile.From(m).Write(path);

    private static DateOnly Date(SimulationModel model, double day) => new SimTime(day).ToDate(model.Start);

    private static string Kind(AgencyStatistics a) => a.IsCouncil ? "council" : "staffed";

    private static void WriteFlow(Utf8JsonWriter json, FlowEstimates f)
    {
        json.WriteStartObject();
        WriteEstimate(json, "projects_arrived", f.Arrived);
        WriteEstimate(json, "projects_finished", f.Finished);
        WriteEstimate(json, "projects_unfinished_at_horizon", f.Unfinished);
        WriteEstimate(json, "finished_share_of_arrived", f.FinishedShare);
        WriteEstimate(json, "throughput_per_year", f.ThroughputPerYear);
        WriteEstimate(json, "wip_mean", f.WipMean);
        WriteEstimate(json, "lead_time_mean_days", f.LeadTimeMean);
        WriteEstimate(json, "lead_time_median_days", f.LeadTimeMedian);
        WriteEstimate(json, "lead_time_p90_days", f.LeadTimeP90);
        json.WriteStartObject("lead_time_breakdown_days");
        WriteEstimate(json, "queue_wait", f.WaitMean);
        WriteEstimate(json, "in_service", f.ServiceMean);
        WriteEstimate(json, "council_or_meeting", f.CouncilMean);
        WriteEstimate(json, "handoff", f.HandoffMean);
        WriteEstimate(json, "rework", f.ReworkMean);
        WriteEstimate(json, "application_window", f.WindowMean);
        json.WriteEndObject();
        WriteEstimate(json, "critical_chain_handoffs_per_project", f.CriticalChainHandoffs);
        WriteEstimate(json, "critical_chain_returns_per_project", f.CriticalChainReworks);
        WriteEstimate(json, "littles_law_throughput_x_lead_time", f.LittleProduct);
        json.WriteEndObject();
    }

    private static void WriteAgency(Utf8JsonWriter json, AgencyEstimates a)
    {
        json.WriteStartObject();
        json.WriteString("agent", a.Agent);
        json.WriteString("agency", a.Agency);
        json.WriteString("name", $"{a.Name} ({a.Organisation})");
        json.WriteString("kind", a.IsCouncil ? "council" : "staffed");
        json.WriteNumber("staff", a.Staff);
        WriteEstimate(json, "utilisation", a.Utilisation);
        WriteEstimate(json, "mean_queue_length", a.MeanQueueLength);
        WriteEstimate(json, "mean_wait_days", a.MeanWait);
        WriteEstimate(json, "items_done", a.ItemsDone);
        WriteEstimate(json, "waiting_caused_days", a.WaitingCaused);
        WriteEstimate(json, "critical_path_share", a.DeterminingShare);
        json.WriteNumber("saturated_replications", a.SaturatedIn);
        json.WriteNumber("growing_replications", a.GrowingIn);
        json.WriteEndObject();
    }

    /// <summary>
    /// Whether the figures describe a steady state: the agencies that were saturated or whose
    /// work in progress grew (<see cref="AgencyStability"/>), and the processes of which most
    /// arrived projects were unfinished (<see cref="RunStability"/>).
    /// </summary>
    private static void WriteStability(Utf8JsonWriter json, RunSummary summary)
    {
        json.WriteStartObject("stability");
        json.WriteBoolean("stable", RunStability.IsStable(summary));
        json.WriteNumber("saturated_utilisation_threshold", AgencyStability.SaturatedUtilisation);
        json.WriteNumber("mostly_unfinished_below", RunStability.MostlyUnfinishedBelow);
        json.WriteStartArray("unstable_agencies");
        foreach (var a in summary.Unstable)
        {
            json.WriteStartObject();
            json.WriteString("agent", a.Agent);
            json.WriteString("agency", a.Agency);
            json.WriteNumber("saturated_replications", a.SaturatedIn);
            json.WriteNumber("growing_replications", a.GrowingIn);
            json.WriteNumber("of_replications", summary.Replications);
            WriteEstimate(json, "utilisation", a.Utilisation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("mostly_unfinished_processes");
        foreach (var (process, figures) in RunStability.MostlyUnfinished(summary))
        {
            json.WriteStartObject();
            json.WriteString("id", process.Id);
            WriteEstimate(json, "finished_share_of_arrived", figures.FinishedShare);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRanking(Utf8JsonWriter json, string name, IReadOnlyList<AgencyEstimates> ranking, Func<AgencyEstimates, Estimate> pick)
    {
        json.WriteStartArray(name);
        var rank = 1;
        foreach (var a in ranking)
        {
            json.WriteStartObject();
            json.WriteNumber("rank", rank++);
            json.WriteString("agent", a.Agent);
            json.WriteString("agency", a.Agency);
            WriteEstimate(json, "value", pick(a));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteEstimate(Utf8JsonWriter json, string name, Estimate e)
    {
        json.WriteStartObject(name);
        WriteNumberOrNull(json, "mean", e.Mean);
        WriteNumberOrNull(json, "ci95_low", e.Low);
        WriteNumberOrNull(json, "ci95_high", e.High);
        WriteNumberOrNull(json, "half_width", e.HalfWidth);
        json.WriteNumber("n", e.N);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
