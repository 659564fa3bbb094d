using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Experiments;

/// <summary>Which way a metric should move for the administration to be doing better.</summary>
public enum Better
{
    Lower,
    Higher,
}

/// <summary>
/// A figure compared across variants or sweep points: a stable key (for files), a label in plain
/// language with the German term where it helps (for a commission), and its unit.
/// </summary>
public sealed record MetricDefinition(string Key, string Label, string Unit, Better Better);

/// <summary>
/// The headline figures of an experiment, the same for every variant of a scenario (variants
/// change the administration, not the processes; a repealed law keeps its groups, with nobody
/// obliged), and their values in one replication.
/// </summary>
public static class HeadlineMetrics
{
    public static IReadOnlyList<MetricDefinition> For(SimulationModel model) => For(model.Definition);

    /// <summary>The metrics of a scenario, known from its definition alone (no model need be compiled to name them).</summary>
    public static IReadOnlyList<MetricDefinition> For(ScenarioDefinition definition)
    {
        var list = new List<MetricDefinition>
        {
            new("lead_time_mean", "Lead time, mean (Bearbeitungsdauer)", "days", Better.Lower),
            new("lead_time_p90", "Lead time, 90th percentile: the slow cases", "days", Better.Lower),
            new("throughput_per_year", "Projects finished per year (Durchsatz)", "per year", Better.Higher),
            new("wip_mean", "Projects in progress, mean (laufende Vorhaben)", "projects", Better.Lower),
            new("finished_share", "Arrived projects finished by the horizon", "share", Better.Higher),
            new("returns_per_project", "Files returned for rework per project (Nachforderungen)", "per project", Better.Lower),
            new("handoffs_per_project", "Hand-offs between organisations per project (Übergaben)", "per project", Better.Lower),
            new("territorial_congruence", "Decisions with a choice taken for the own territory (territoriale Kongruenz)", "share", Better.Higher),
            new("inhabitants_per_councillor", "Inhabitants per elected member of the deciding body", "inhabitants", Better.Lower),
            new("distance_to_decider_km", "Distance from the place to the deciding body's seat", "km", Better.Lower),
            new("lapsed_consultation_share", "Consultations ended by their deadline, not by the last statement (Fristablauf)", "share", Better.Lower),
            new("fiction_share", "Steps with a legal fiction done by law, not by their holder (Fiktion, e.g. §36(2) BauGB)", "share", Better.Lower),
        };
        list.AddRange(definition.Processes.Select(p => new MetricDefinition($"lead_time_mean:{p.Id}", $"Lead time: {p.Name}", "days", Better.Lower)));
        list.AddRange(definition.Processes.Select(p => new MetricDefinition($"finished_share:{p.Id}", $"Arrived and finished: {p.Name}", "share", Better.Higher)));
        foreach (var shock in definition.Shocks)
        {
            list.AddRange(shock.Groups.Select(g =>
                new MetricDefinition($"deadline_compliance:{shock.Id}:{g.Name}", $"On time by {g.Deadline:yyyy-MM-dd}: {shock.Name}, {g.Name}", "share", Better.Higher)));
        }

        // Only where the scenario has costs: an experiment of a scenario without them keeps the metrics it always had.
        if (definition.Costs is not null)
        {
            list.AddRange(CostMetrics);
        }

        return list;
    }

    /// <summary>The values of <see cref="For"/>'s metrics in one replication, in the same order; NaN where a figure is undefined.</summary>
    public static double[] Values(SimulationModel model, ReplicationFigures f)
    {
        var o = f.Overall;
        var values = new List<double>
        {
            o.LeadTimeMean,
            o.LeadTimeP90,
            o.ThroughputPerYear,
            o.WipMean,
            o.FinishedShare,
            o.CriticalChainReworks,
            o.CriticalChainHandoffs,
            f.Congruence,
            f.InhabitantsPerCouncillor,
            f.DistanceToDeciderKm,
            f.LapsedShare,
            f.FictionShare,
        };
        values.AddRange(model.Processes.Select(p => f.Processes[p.Index].LeadTimeMean));
        values.AddRange(model.Processes.Select(p => f.Processes[p.Index].FinishedShare));
        values.AddRange(f.Deadlines.Select(d => d.Compliance));
        if (model.Definition.Costs is not null)
        {
            var c = f.Costs!;
            values.AddRange([c.Administration, c.PerFinishedProject, c.Companies, c.PerFinishedProjectAll]);
            values.AddRange(PublicLevels.Select(l => c.ByLevel[(int)l]));
        }

        return [.. values];
    }

    /// <summary>Cost per year of the administration (public budget).</summary>
    public const string CostPerYear = "cost_per_year";

    /// <summary>The administration's cost per year over the projects finished per year.</summary>
    public const string CostPerFinishedProject = "cost_per_finished_project";

    private static readonly Level[] PublicLevels = [Level.Municipal, Level.City, Level.District, Level.State];

    private static IEnumerable<MetricDefinition> CostMetrics =>
    [
        new(CostPerYear, "Cost per year, administration: public budget (Personal- und Sachkosten)", "EUR per year", Better.Lower),
        new(CostPerFinishedProject, "Cost per finished project, administration (cost per year / projects finished per year)", "EUR per project", Better.Lower),
        new("cost_per_year_companies", "Cost per year, companies and operators (outside the public budget)", "EUR per year", Better.Lower),
        new("cost_per_finished_project_all", "Cost per finished project, administration, companies and operators", "EUR per project", Better.Lower),
        .. PublicLevels.Select(l => new MetricDefinition($"cost_per_year:{Levels.Name(l)}", $"Cost per year, {Levels.Name(l)} level", "EUR per year", Better.Lower)),
    ];
}
