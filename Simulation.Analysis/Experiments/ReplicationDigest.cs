using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// What an experiment keeps of one replication of one cell (a variant, or a point of a sweep):
/// the headline values, the lead-time distribution as percentiles, the agencies' figures and
/// the deadlines. Small enough to store one file per replication, so an interrupted experiment
/// resumes without recomputing, and exact: the figures of a resumed experiment are the same.
/// <see cref="Stability"/> is null in files written before it existed. <see cref="Observed"/>
/// holds a calibration's simulated counterparts of the observed statistics (in the observed
/// file's order) and is null, and so not written, everywhere else: compare and sweep files stay as they were.
/// </summary>
public sealed record ReplicationDigest(
    string Cell,
    int Replication,
    double[] Metrics,
    double[] LeadTimePercentiles,
    AgencyFigures[] Agencies,
    DeadlineFigures[] Deadlines,
    long Events,
    StabilityDigest? Stability = null,
    ObservedValue[]? Observed = null)
{
    /// <summary>Percentiles 0, 1, ..., 100 of the lead times of projects finished after the warm-up.</summary>
    public const int Percentiles = 101;

    public static ReplicationDigest From(string cell, SimulationModel model, ReplicationResult result)
    {
        var figures = ReplicationFigures.Compute(model, result);
        using var leadTimes = new SortedSample();
        foreach (var p in result.Projects)
        {
            if (p.Finish >= model.Warmup.Days)
            {
                leadTimes.Add(p.LeadTime);
            }
        }

        var percentiles = leadTimes.Count == 0
            ? []
            : leadTimes.Summarise([.. Enumerable.Range(0, Percentiles).Select(i => i / 100.0)]).Quantiles;

        var agencies = AgencyFigures.Of(model, figures);
        var stability = new StabilityDigest(
            [.. figures.Agencies.Select((a, i) => (a, i)).Where(x => AgencyStability.Of(model, x.a).Unstable).Select(x => x.i)],
            [.. figures.Processes.Select(p => p.Arrived)],
            [.. figures.Processes.Select(p => p.ArrivedAndFinished)],
            [.. agencies.Select(a => a.PresentUtilisation)]);
        return new ReplicationDigest(cell, result.Replication, HeadlineMetrics.Values(model, figures), percentiles, [.. agencies], [.. figures.Deadlines], result.Events, stability);
    }
}
