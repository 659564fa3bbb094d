using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// Flow figures of one replication for one process, or for all processes together.
/// Work in progress is the exact time average over the observation period (from the warm-up to
/// the horizon), unfinished projects included, so Little's law (WIP = throughput x lead time)
/// can be checked on the output. Projects count when they finish after the warm-up.
/// The lead-time parts and the hand-off and rework counts follow the critical chain: where
/// parallel branches join, the branch that arrived last is the one counted.
/// </summary>
public sealed record FlowFigures(
    long Arrived,
    long Finished,
    double ThroughputPerYear,
    double WipMean,
    double LeadTimeMean,
    double LeadTimeMedian,
    double LeadTimeP90,
    double WaitMean,
    double ServiceMean,
    double CouncilMean,
    double HandoffMean,
    double ReworkMean,
    double WindowMean,
    double CriticalChainHandoffs,
    double CriticalChainReworks)
{
    /// <summary>Throughput per day times mean lead time: Little's law says this equals <see cref="WipMean"/> in steady state.</summary>
    public double LittleProduct => ThroughputPerYear / CalendarConstants.DaysPerYear * LeadTimeMean;

    /// <summary>Projects that arrived after the warm-up and finished by the horizon (of <see cref="Arrived"/>).</summary>
    public long ArrivedAndFinished { get; init; }

    /// <summary>Projects in progress at the horizon: every arrival, warm-up included, less every finished project.</summary>
    public long UnfinishedAtHorizon { get; init; }

    /// <summary>Mean days of legal periods (public display, objections) on the critical chain.</summary>
    public double PeriodMean { get; init; } = double.NaN;

    /// <summary>
    /// Share of the projects arrived after the warm-up that finished by the horizon; NaN without
    /// arrivals. Lead times describe only this share: well below 1, they are censored.
    /// </summary>
    public double FinishedShare => Arrived > 0 ? (double)ArrivedAndFinished / Arrived : double.NaN;

    /// <param name="finished">Every finished project in canonical order, those of the warm-up included (they are skipped here).</param>
    public static FlowFigures Compute(IEnumerable<ProjectRecord> finished, IEnumerable<ArrivalTally> arrivals, double horizon, double warmup = 0)
    {
        using var tally = new FlowTally(warmup, horizon);
        foreach (var p in finished)
        {
            tally.Add(p);
        }

        return tally.Figures(arrivals);
    }
}
