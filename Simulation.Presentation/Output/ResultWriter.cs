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
        if (model.Definition.Costs is not null)
        {
            WriteCosts(output.PathOf("costs.csv"), model, results);
        }

        WriteManifest(output.PathOf("manifest.json"), manifest);
        ResultGuide.Write(output.StagingDirectory, "run");
        output.Commit();
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

    private static DateOnly Date(SimulationModel model, double day) => new SimTime(day).ToDate(model.Start);

    private static string Kind(AgencyStatistics a) => a.IsCouncil ? "council" : "staffed";
}
