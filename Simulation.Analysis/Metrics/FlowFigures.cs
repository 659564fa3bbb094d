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

    /// <param name="finished">Every finished project, those of the warm-up included (they are skipped here).</param>
    public static FlowFigures Compute(IReadOnlyList<ProjectRecord> finished, IEnumerable<ArrivalTally> arrivals, double horizon, double warmup = 0)
    {
        // Time in the system within [W, T]: T - max(arrival, W) for every arrival, less T - max(finish, W) for
        // every finished project. Projects that came and went before W cancel: (T - W) - (T - W).
        var observed = horizon - warmup;
        long arrived = 0;
        double remainingSum = 0;
        long before = 0;
        foreach (var a in arrivals)
        {
            arrived += a.Count;
            remainingSum += a.Count * horizon - a.SumOfArrivalTimes;
            before += a.Before;
        }

        // Two passes over the projects instead of a copy of the counted ones: the records are large structs.
        var n = 0;
        long finishedBefore = 0;
        long arrivedAndFinished = 0;
        foreach (var p in finished)
        {
            if (p.Arrival >= warmup)
            {
                arrivedAndFinished++;
            }

            if (p.Finish >= warmup)
            {
                n++;
            }
            else
            {
                finishedBefore++;
            }
        }

        remainingSum += (before - finishedBefore) * observed;
        var leadTimes = new double[n];
        double afterFinish = 0; // sum over counted projects of (T - finish)
        var parts = new PathSummary();
        double handoffs = 0, reworks = 0;
        var i = 0;
        foreach (var p in finished)
        {
            if (p.Finish < warmup)
            {
                continue;
            }

            leadTimes[i++] = p.LeadTime;
            afterFinish += horizon - p.Finish;
            parts = new PathSummary(parts.Wait + p.Path.Wait, parts.Service + p.Path.Service, parts.Council + p.Path.Council,
                parts.Handoff + p.Path.Handoff, parts.Rework + p.Path.Rework, parts.Window + p.Path.Window, parts.Period + p.Path.Period);
            handoffs += p.Handoffs;
            reworks += p.Reworks;
        }

        Array.Sort(leadTimes);
        return new FlowFigures(
            arrived,
            n,
            ThroughputPerYear: n / (observed / CalendarConstants.DaysPerYear),
            WipMean: (remainingSum - afterFinish) / observed,
            LeadTimeMean: n > 0 ? leadTimes.Average() : double.NaN,
            LeadTimeMedian: Quantiles.OfSorted(leadTimes, 0.5),
            LeadTimeP90: Quantiles.OfSorted(leadTimes, 0.9),
            WaitMean: Mean(parts.Wait),
            ServiceMean: Mean(parts.Service),
            CouncilMean: Mean(parts.Council),
            HandoffMean: Mean(parts.Handoff),
            ReworkMean: Mean(parts.Rework),
            WindowMean: Mean(parts.Window),
            CriticalChainHandoffs: Mean(handoffs),
            CriticalChainReworks: Mean(reworks))
        {
            ArrivedAndFinished = arrivedAndFinished,
            UnfinishedAtHorizon = arrived + before - finished.Count,
            PeriodMean = Mean(parts.Period),
        };

        double Mean(double sum) => n > 0 ? sum / n : double.NaN;
    }
}
