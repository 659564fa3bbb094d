using IsdnSim.Core.Kernel;
using IsdnSim.Core.Model;
using IsdnSim.Core.Statistics;

namespace IsdnSim.Core.Metrics;

/// <summary>Figures over all replications, each with a mean and a 95 % confidence interval, and the bottleneck rankings.</summary>
public sealed record RunSummary(
    int Replications,
    FlowEstimates Overall,
    IReadOnlyList<(ProcessModel Process, FlowEstimates Figures)> Processes,
    IReadOnlyList<AgencyEstimates> Agencies)
{
    public IReadOnlyList<AgencyEstimates> ByUtilisation =>
        [.. Agencies.OrderByDescending(a => a.Utilisation.Mean).ThenByDescending(a => a.WaitingCaused.Mean).ThenBy(a => a.Agent).ThenBy(a => a.Agency)];

    public IReadOnlyList<AgencyEstimates> ByWaitingCaused =>
        [.. Agencies.OrderByDescending(a => a.WaitingCaused.Mean).ThenByDescending(a => a.Utilisation.Mean).ThenBy(a => a.Agent).ThenBy(a => a.Agency)];

    public static RunSummary Build(SimulationModel model, IReadOnlyList<ReplicationFigures> replications)
    {
        var overall = FlowEstimates.Of([.. replications.Select(r => r.Overall)]);
        var processes = model.Processes
            .Select(p => (p, FlowEstimates.Of([.. replications.Select(r => r.Processes[p.Index])])))
            .ToList();
        var agencies = new List<AgencyEstimates>();
        var count = replications.Count == 0 ? 0 : replications[0].Agencies.Count;
        for (var i = 0; i < count; i++)
        {
            var samples = replications.Select(r => r.Agencies[i]).ToList();
            var first = samples[0];
            agencies.Add(new AgencyEstimates(
                first.Agent,
                first.Agency,
                first.Staff,
                Estimate.Of([.. samples.Select(s => s.Utilisation)]),
                Estimate.Of([.. samples.Select(s => s.MeanQueueLength)]),
                Estimate.Of([.. samples.Select(s => s.MeanWait)]),
                Estimate.Of([.. samples.Select(s => (double)s.Done)]),
                Estimate.Of([.. samples.Select(s => s.WaitingCaused)])));
        }

        return new RunSummary(replications.Count, overall, processes, agencies);
    }
}

public sealed record FlowEstimates(
    Estimate Arrived,
    Estimate Finished,
    Estimate ThroughputPerYear,
    Estimate WipMean,
    Estimate LeadTimeMean,
    Estimate LeadTimeMedian,
    Estimate LeadTimeP90,
    Estimate WaitMean,
    Estimate ServiceMean,
    Estimate HandoffMean,
    Estimate LittleProduct)
{
    public static FlowEstimates Of(IReadOnlyList<FlowFigures> f)
    {
        // A replication without finished projects has no lead time; it is left out of that estimate.
        Estimate Defined(Func<FlowFigures, double> pick) => Estimate.Of([.. f.Select(pick).Where(double.IsFinite)]);
        return new FlowEstimates(
            Estimate.Of([.. f.Select(x => (double)x.Arrived)]),
            Estimate.Of([.. f.Select(x => (double)x.Finished)]),
            Estimate.Of([.. f.Select(x => x.ThroughputPerYear)]),
            Estimate.Of([.. f.Select(x => x.WipMean)]),
            Defined(x => x.LeadTimeMean),
            Defined(x => x.LeadTimeMedian),
            Defined(x => x.LeadTimeP90),
            Defined(x => x.WaitMean),
            Defined(x => x.ServiceMean),
            Defined(x => x.HandoffMean),
            Defined(x => x.LittleProduct));
    }
}

public sealed record AgencyEstimates(
    int Agent,
    int Agency,
    int Staff,
    Estimate Utilisation,
    Estimate MeanQueueLength,
    Estimate MeanWait,
    Estimate ItemsDone,
    Estimate WaitingCaused);
