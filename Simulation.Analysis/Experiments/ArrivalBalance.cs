namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// Arrivals against finished projects in one cell of an experiment, for one process or for all
/// (<see cref="Process"/> null): the projects that arrived after the warm-up and, of them, those
/// finished by the horizon, per replication; and in how many replications the lead time had a
/// value at all (a project finished after the warm-up). A queue that keeps up finishes nearly
/// what arrives; one that does not falls behind by a number that grows with the horizon.
/// </summary>
/// <param name="Process">The process's id, or null for all processes together.</param>
/// <param name="Name">The process's name, or "All processes".</param>
/// <param name="Arrived">Projects arrived after the warm-up, summed over <paramref name="Replications"/>.</param>
/// <param name="Finished">Of them, those finished by the horizon.</param>
/// <param name="Replications">The replications counted (those whose stability was recorded).</param>
/// <param name="WithLeadTime">Replications with a lead time of the process (the n of its lead-time mean).</param>
/// <param name="AllReplications">All replications of the cell.</param>
public sealed record ArrivalBalance(string? Process, string Name, long Arrived, long Finished, int Replications, int WithLeadTime, int AllReplications)
{
    public const string All = "All processes";

    /// <summary>Projects arrived per replication (mean).</summary>
    public double ArrivedPerReplication => Replications == 0 ? double.NaN : (double)Arrived / Replications;

    /// <summary>Of them, finished per replication (mean).</summary>
    public double FinishedPerReplication => Replications == 0 ? double.NaN : (double)Finished / Replications;

    /// <summary>The share of the arrived projects finished, pooled over the replications.</summary>
    public double FinishedShare => Arrived == 0 ? double.NaN : (double)Finished / Arrived;

    /// <summary>Most arrived projects surely unfinished (<see cref="Metrics.RunStability"/>).</summary>
    public bool MostlyUnfinished => Metrics.RunStability.IsMostlyUnfinished(Arrived, Finished);

    /// <summary>All processes first, then each process in the scenario's order (the order of the <c>lead_time_mean:</c> metrics).</summary>
    public static IReadOnlyList<ArrivalBalance> Of(CellSummary cell, IReadOnlyList<MetricDefinition> metrics)
    {
        int WithValue(string key) => metrics.Select((m, i) => (m, i)).Where(x => x.m.Key == key).Select(x => cell.Metrics[x.i].N).FirstOrDefault();
        var processes = metrics.Where(m => m.Key.StartsWith(LeadTimePrefix, StringComparison.Ordinal)).Select(m => m.Key[LeadTimePrefix.Length..]).ToList();
        var names = CellWarnings.ProcessNames(metrics);
        var list = new List<ArrivalBalance>
        {
            new(null, All, cell.ProcessArrived.Sum(), cell.ProcessArrivedAndFinished.Sum(), cell.JudgedReplications, WithValue("lead_time_mean"), cell.Replications),
        };
        for (var p = 0; p < cell.ProcessArrived.Count && p < processes.Count; p++)
        {
            list.Add(new(processes[p], names[p], cell.ProcessArrived[p], cell.ProcessArrivedAndFinished[p], cell.JudgedReplications,
                WithValue(LeadTimePrefix + processes[p]), cell.Replications));
        }

        return list;
    }

    private const string LeadTimePrefix = "lead_time_mean:";
}
