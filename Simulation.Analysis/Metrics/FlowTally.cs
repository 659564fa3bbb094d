using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// Builds <see cref="FlowFigures"/> from finished projects handed over one at a time in canonical
/// order, so a replication's projects are read once as a stream and never held: the sums are
/// kept as they go (in the canonical order, as before), the lead times go to a
/// <see cref="SortedSample"/> for the exact median and 90th percentile and the mean, which is
/// summed over them in ascending order as it always was.
/// </summary>
internal sealed class FlowTally(double warmup, double horizon) : IDisposable
{
    private readonly SortedSample _leadTimes = new();
    private long _finished;
    private long _finishedBefore;
    private long _arrivedAndFinished;
    private double _afterFinish; // sum over counted projects of (T - finish)
    private PathSummary _parts;
    private double _handoffs;
    private double _reworks;

    public void Add(in ProjectRecord p)
    {
        _finished++;
        if (p.Arrival >= warmup)
        {
            _arrivedAndFinished++;
        }

        if (p.Finish < warmup)
        {
            _finishedBefore++;
            return;
        }

        _leadTimes.Add(p.LeadTime);
        _afterFinish += horizon - p.Finish;
        _parts = new PathSummary(_parts.Wait + p.Path.Wait, _parts.Service + p.Path.Service, _parts.Council + p.Path.Council,
            _parts.Handoff + p.Path.Handoff, _parts.Rework + p.Path.Rework, _parts.Window + p.Path.Window, _parts.Period + p.Path.Period);
        _handoffs += p.Handoffs;
        _reworks += p.Reworks;
    }

    public FlowFigures Figures(IEnumerable<ArrivalTally> arrivals)
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

        remainingSum += (before - _finishedBefore) * observed;
        var leadTimes = _leadTimes.Summarise(0.5, 0.9);
        var n = leadTimes.Count;
        return new FlowFigures(
            arrived,
            n,
            ThroughputPerYear: n / (observed / CalendarConstants.DaysPerYear),
            WipMean: (remainingSum - _afterFinish) / observed,
            LeadTimeMean: leadTimes.Mean,
            LeadTimeMedian: leadTimes.Quantiles[0],
            LeadTimeP90: leadTimes.Quantiles[1],
            WaitMean: Mean(_parts.Wait),
            ServiceMean: Mean(_parts.Service),
            CouncilMean: Mean(_parts.Council),
            HandoffMean: Mean(_parts.Handoff),
            ReworkMean: Mean(_parts.Rework),
            WindowMean: Mean(_parts.Window),
            CriticalChainHandoffs: Mean(_handoffs),
            CriticalChainReworks: Mean(_reworks))
        {
            ArrivedAndFinished = _arrivedAndFinished,
            UnfinishedAtHorizon = arrived + before - _finished,
            PeriodMean = Mean(_parts.Period),
        };

        double Mean(double sum) => n > 0 ? sum / n : double.NaN;
    }

    public void Dispose() => _leadTimes.Dispose();
}
