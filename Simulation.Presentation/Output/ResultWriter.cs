using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;
using IsdnSim.Presentation.Output.Summary;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// Writes a run's folder: summary.json (figures with confidence intervals and the top of the
/// bottleneck rankings), projects.csv, agencies.csv, agencies_by_year.csv, agencies_summary.csv
/// (every agency over the replications, with its ranks), costs.csv and manifest.json. All but the
/// manifest depend only on (scenario, seed, replications), never on the engine or the machine.
/// </summary>
public static class ResultWriter
{
    public static void Write(string directory, SimulationModel model, IReadOnlyList<ReplicationResult> results, RunSummary summary, RunManifest manifest) =>
        Write(directory, model, results, () => summary, manifest);

    /// <summary>
    /// Does now the one-time work of writing a folder that needs no results: the JSON serializer's
    /// metadata for summary.json and manifest.json, the tables' columns. A run calls it in the
    /// background while it simulates, when a core is often idle; writing does it anyway (once).
    /// </summary>
    public static void Prepare()
    {
        RunSummaryFile.Prepare();
        RunManifestFile.Prepare();
        _ = Projects; // the tables' static initialisers
    }

    /// <summary>
    /// Writes the folder, computing the figures with <paramref name="summarise"/> while the files
    /// that do not need them are written; returns the figures. Nothing is written if either fails.
    /// </summary>
    public static RunSummary Write(string directory, SimulationModel model, IReadOnlyList<ReplicationResult> results, Func<RunSummary> summarise, RunManifest manifest)
    {
        using var output = AtomicOutput.Begin(directory);
        RunSummary? summary = null;

        // Each file is written from the finished records or figures alone, so the files are written
        // side by side: a short run's folder is mostly the first (unoptimised) pass through each
        // writer. The figures (a merge of the records and the summary's estimates, about half of a
        // Germany run's writing) are computed first in this thread while projects.csv and the other
        // per-replication files are written in others, and summary.json and agencies_summary.csv
        // follow them; on two cores this takes about half as long. The bytes of each file do not
        // depend on the order, and the records are read by position (a reader holds no shared cursor).
        InParallel(
            () =>
            {
                summary = summarise();
                InParallel(
                    () => WriteSummary(output.PathOf("summary.json"), model, summary),
                    () => WriteAgenciesSummary(output.PathOf(SummaryBottlenecks.AgenciesFile), summary));
            },
            () => WriteProjects(output.PathOf("projects.csv"), model, results),
            Prepare,
            () => WriteAgenciesByYear(output.PathOf("agencies_by_year.csv"), model, results),
            () => WriteAgencies(output.PathOf("agencies.csv"), model, results),
            () =>
            {
                if (model.Definition.Costs is not null)
                {
                    WriteCosts(output.PathOf("costs.csv"), model, results);
                }
            },
            () => WriteManifest(output.PathOf("manifest.json"), manifest));

        // The guide describes the files present, so it comes last.
        ResultGuide.Write(output.StagingDirectory, "run");
        output.Commit();
        return summary!;
    }

    /// <summary>projects.csv: one row per replication and project finished after the warm-up.</summary>
    internal static readonly CsvTable<(SimulationModel Model, ProjectNames Names, int Replication, ProjectRecord P)> Projects = new CsvTable<(SimulationModel Model, ProjectNames Names, int Replication, ProjectRecord P)>()
        .Column("replication", (in r) => r.Replication)
        .Column("project", WriteProjectName)
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
        .Column("period_days", (in r) => r.P.Path.Period)
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

        // Staff present (holder neither ill nor on leave, post filled): a council has none.
        .Column("present_share", (in r) => r.A.IsCouncil ? double.NaN : r.A.PresentShare)
        .Column("utilisation_of_present", (in r) => r.A.IsCouncil ? double.NaN : r.A.PresentUtilisation)
        .Column("mean_queue_length", (in r) => r.A.MeanQueueLength)
        .Column("mean_wait_days", (in r) => r.A.MeanWait)
        .Column("items_arrived", (in r) => r.A.Arrived)
        .Column("items_started", (in r) => r.A.Started)
        .Column("items_done", (in r) => r.A.Done)
        .Column("waiting_caused_days", (in r) => r.A.WaitingCaused)
        .Column("in_queue_at_end", (in r) => r.A.InQueueAtEnd)
        .Column("in_service_at_end", (in r) => r.A.InServiceAtEnd)
        .Column("fictions", (in r) => r.A.Fictions);

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

    /// <summary>agencies_summary.csv: one row per agency, its figures over the replications and its places in the bottleneck rankings (empty where a ranking leaves it out).</summary>
    internal static readonly CsvTable<(AgencyEstimates A, int Replications, int ByUtilisation, int ByWaitingCaused, int ByCriticalPath)> AgenciesSummary =
        new CsvTable<(AgencyEstimates A, int Replications, int ByUtilisation, int ByWaitingCaused, int ByCriticalPath)>()
            .Column("agent", (in r) => r.A.Agent)
            .Column("agency", (in r) => r.A.Agency)
            .Column("name", (in r) => r.A.Name)
            .Column("organisation", (in r) => r.A.Organisation)
            .Column("kind", (in r) => r.A.IsCouncil ? "council" : "staffed")
            .Column("staff", (in r) => r.A.Staff)
            .Column("replications", (in r) => r.Replications)
            .Estimate("utilisation", "utilisation_low", "utilisation_high", (in r) => r.A.Utilisation)
            .Estimate("present_share", "present_share_low", "present_share_high", (in r) => r.A.PresentShare)
            .Estimate("utilisation_of_present", "utilisation_of_present_low", "utilisation_of_present_high", (in r) => r.A.PresentUtilisation)
            .Estimate("mean_queue_length", "mean_queue_length_low", "mean_queue_length_high", (in r) => r.A.MeanQueueLength)
            .Estimate("mean_wait_days", "mean_wait_low", "mean_wait_high", (in r) => r.A.MeanWait)
            .Estimate("items_done", "items_done_low", "items_done_high", (in r) => r.A.ItemsDone)
            .Estimate("waiting_caused_days", "waiting_caused_low", "waiting_caused_high", (in r) => r.A.WaitingCaused)
            .Estimate("critical_path_share", "critical_path_share_low", "critical_path_share_high", (in r) => r.A.DeterminingShare)
            .Estimate("fictions", "fictions_low", "fictions_high", (in r) => r.A.Fictions)
            .Column("saturated_replications", (in r) => r.A.SaturatedIn)
            .Column("growing_replications", (in r) => r.A.GrowingIn)
            .Column("rank_by_utilisation", (in r) => Place(r.ByUtilisation))
            .Column("rank_by_waiting_caused", (in r) => Place(r.ByWaitingCaused))
            .Column("rank_by_critical_path_share", (in r) => Place(r.ByCriticalPath));

    /// <summary>costs.csv: one row per replication and cost line (an agency's posts, or a further cost item), euros a year.</summary>
    internal static readonly CsvTable<(SimulationModel Model, int Replication, CostLine C)> Costs = new CsvTable<(SimulationModel Model, int Replication, CostLine C)>()
        .Column("replication", (in r) => r.Replication)
        .Column("agent", (in r) => r.Model.Agents[r.C.Agent].Id)
        .Column("level", (in r) => SimulationModel.Levels[r.Model.Agents[r.C.Agent].Level])
        .Column("budget", (in r) => CostFigures.InPublicBudget((Level)r.Model.Agents[r.C.Agent].Level) ? "administration" : "companies")
        .Column("item", (in r) => r.C.Item)
        .Column("kind", (in r) => r.C.IsAgency ? "agency" : "cost item")
        .Column("pay_group", (in r) => r.C.PayGroup)
        .Column("staff", (in r) => r.C.Staff)
        .Column("posts", (in r) => r.C.Posts)
        .Column("staff_cost_eur", (in r) => r.C.StaffCost)
        .Column("overhead_eur", (in r) => r.C.Overhead)
        .Column("workplace_eur", (in r) => r.C.Workplace)
        .Column("other_eur", (in r) => r.C.Other)
        .Column("total_eur", (in r) => r.C.Total);

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

    /// <summary>Every agency over the replications, in the scenario's order, with its places in the rankings summary.json lists the top of.</summary>
    public static void WriteAgenciesSummary(string path, RunSummary summary)
    {
        var agencies = summary.Agencies;
        var byUtilisation = AgencyRankings.Places(agencies, summary.ByUtilisation);
        var byWaitingCaused = AgencyRankings.Places(agencies, summary.ByWaitingCaused);
        var byCriticalPath = AgencyRankings.Places(agencies, summary.ByDetermining);
        AgenciesSummary.Write(path, agencies.Select((a, i) => (a, summary.Replications, byUtilisation[i], byWaitingCaused[i], byCriticalPath[i])));
    }

    /// <summary>The cost lines of every replication (the scenario must have costs).</summary>
    public static void WriteCosts(string path, SimulationModel model, IReadOnlyList<ReplicationResult> results) =>
        Costs.Write(path, results.SelectMany(r => CostFigures.LinesOf(model, r.Agencies)!.Select(c => (model, r.Replication, c))));

    /// <summary>summary.json, through <see cref="RunSummaryFile"/>: the figures with their intervals, the stability verdict and the bottleneck rankings.</summary>
    public static void WriteSummary(string path, SimulationModel model, RunSummary summary) => RunSummaryFile.From(model, summary).Write(path);

    public static void WriteManifest(string path, RunManifest m) => RunManifestFile.From(m).Write(path);

    /// <summary>The project's name, formatted on the stack: a string for each of a long run's million rows was most of what writing them allocated.</summary>
    private static void WriteProjectName(Csv csv, in (SimulationModel Model, ProjectNames Names, int Replication, ProjectRecord P) row)
    {
        Span<char> name = stackalloc char[128];
        if (row.Names.TryFormat(row.P.Id, name, out var n))
        {
            csv.Add(name[..n]);
        }
        else
        {
            csv.Add(row.Names.Of(row.P.Id));
        }
    }

    /// <summary>Runs <paramref name="writes"/> in parallel; a failure is thrown as itself (an IOException stays one), not wrapped.</summary>
    private static void InParallel(params Action[] writes)
    {
        try
        {
            Parallel.Invoke(writes);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private static DateOnly Date(SimulationModel model, double day) => new SimTime(day).ToDate(model.Start);

    private static string Place(int place) => place > 0 ? place.ToString(CultureInfo.InvariantCulture) : "";

    private static string Kind(AgencyStatistics a) => a.IsCouncil ? "council" : "staffed";
}
