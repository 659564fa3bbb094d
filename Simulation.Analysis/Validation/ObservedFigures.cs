using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Validation;

/// <summary>
/// The simulated counterpart of each observation in one replication, in the order of the
/// targets: what a check compares, and what a calibration's distance is made of.
/// </summary>
public sealed record ObservedFigures(int Replication, IReadOnlyList<ObservedValue> Values)
{
    /// <summary>
    /// Each target's statistic in <paramref name="result"/>. Lead-time statistics count the
    /// projects of the target's process and region that finished after the warm-up (as every
    /// lead time of a run does, docs/model.md), their lead time in calendar days from arrival to
    /// finish. A share finished by a date is the projects finished by the end of that date over all
    /// projects of the process the region was obliged to start during the run, warm-up or not.
    /// </summary>
    public static ObservedFigures Compute(SimulationModel model, ReplicationResult result, IReadOnlyList<ObservedTarget> targets)
    {
        var warmup = model.Warmup.Days;
        var values = new ObservedValue[targets.Count];
        for (var t = 0; t < targets.Count; t++)
        {
            var target = targets[t];
            long arrivedAfterWarmup = 0, arrivedAll = 0;
            foreach (var tally in result.Arrivals)
            {
                if (tally.Process == target.Process && target.InRegion[tally.Owner])
                {
                    arrivedAfterWarmup += tally.Count;
                    arrivedAll += tally.Count + tally.Before;
                }
            }

            using var leadTimes = new SortedSample();
            long finishedBy = 0, finishedAll = 0, arrivedAndFinished = 0;
            foreach (var p in result.Projects)
            {
                if (p.Id.Process != target.Process || !target.InRegion[p.Id.Owner])
                {
                    continue;
                }

                finishedAll++;
                if (p.Arrival >= warmup)
                {
                    arrivedAndFinished++;
                }

                if (p.Finish >= warmup)
                {
                    leadTimes.Add(p.LeadTime);
                }

                if (p.Finish <= target.ByDay)
                {
                    finishedBy++;
                }
            }

            if (target.Statistic.Kind == StatisticKind.ShareFinishedBy)
            {
                values[t] = new ObservedValue(arrivedAll > 0 ? (double)finishedBy / arrivedAll : double.NaN, arrivedAll, arrivedAll, finishedAll);
            }
            else
            {
                values[t] = new ObservedValue(target.Statistic.OfLeadTimes(leadTimes), leadTimes.Count, arrivedAfterWarmup, arrivedAndFinished);
            }
        }

        return new ObservedFigures(result.Replication, values);
    }
}
