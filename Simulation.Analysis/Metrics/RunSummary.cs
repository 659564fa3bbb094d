using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>Figures over all replications, each with a mean and a 95 % confidence interval, and the bottleneck rankings.</summary>
public sealed record RunSummary(
    int Replications,
    FlowEstimates Overall,
    IReadOnlyList<(ProcessModel Process, FlowEstimates Figures)> Processes,
    IReadOnlyList<AgencyEstimates> Agencies)
{
    public IReadOnlyList<AgencyEstimates> ByUtilisation =>
        [.. Agencies.Where(a => !a.IsCouncil).OrderByDescending(a => a.Utilisation.Mean).ThenByDescending(a => a.WaitingCaused.Mean).ThenBy(a => a.Agent).ThenBy(a => a.Agency)];

    public IReadOnlyList<AgencyEstimates> ByWaitingCaused =>
        [.. Agencies.OrderByDescending(a => a.WaitingCaused.Mean).ThenByDescending(a => a.Utilisation.Mean).ThenBy(a => a.Agent).ThenBy(a => a.Agency)];

    /// <summary>Agencies by the share of projects whose longest critical step they had, largest first.</summary>
    public IReadOnlyList<AgencyEstimates> ByDetermining =>
        [.. Agencies.Where(a => a.DeterminingShare.Mean > 0).OrderByDescending(a => a.DeterminingShare.Mean).ThenBy(a => a.Agent).ThenBy(a => a.Agency)];

    /// <summary>Agencies saturated or growing in at least one replication (<see cref="AgencyStability"/>), most often first.</summary>
    public IReadOnlyList<AgencyEstimates> Unstable =>
        [.. Agencies.Where(a => a.UnstableIn > 0).OrderByDescending(a => a.UnstableIn).ThenByDescending(a => a.Utilisation.Mean).ThenBy(a => a.Agent).ThenBy(a => a.Agency)];

    /// <summary>(from level, to level) -> hand-offs per replication; only pairs that occur.</summary>
    public IReadOnlyList<(string From, string To, Estimate Count)> Handoffs { get; init; } = [];

    public IReadOnlyList<(string From, string To, Estimate Count)> Reworks { get; init; } = [];

    public Estimate Congruence { get; init; } = Estimate.Of([]);

    public Estimate DeemedShare { get; init; } = Estimate.Of([]);

    public IReadOnlyList<DeadlineEstimates> Deadlines { get; init; } = [];

    /// <summary>Per simulated year, agencies with staff ranked by mean utilisation that year.</summary>
    public IReadOnlyList<IReadOnlyList<(AgencyEstimates Agency, Estimate Utilisation)>> ByYear { get; init; } = [];

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
                Estimate.Of([.. samples.Select(s => s.WaitingCaused)]))
            {
                IsCouncil = first.IsCouncil,
                DeterminingShare = Estimate.Of([.. replications.Select(r => r.DeterminingShare[i]).Where(double.IsFinite)]),
                YearUtilisation = [.. Enumerable.Range(0, first.YearUtilisation.Length).Select(y => Estimate.Of([.. samples.Select(s => s.YearUtilisation[y])]))],
                Stability = [.. samples.Select(s => AgencyStability.Of(model, s))],
            });
        }

        var levels = SimulationModel.Levels;
        IReadOnlyList<(string, string, Estimate)> Matrix(Func<ReplicationFigures, long[]> pick) =>
            [.. Enumerable.Range(0, levels.Length * levels.Length)
                .Where(k => replications.Any(r => pick(r)[k] > 0))
                .Select(k => (levels[k / levels.Length], levels[k % levels.Length], Estimate.Of([.. replications.Select(r => (double)pick(r)[k])])))];

        var years = model.YearStarts.Length;
        var byYear = Enumerable.Range(0, years).Select(y => (IReadOnlyList<(AgencyEstimates, Estimate)>)
            [.. agencies.Where(a => !a.IsCouncil).Select(a => (a, a.YearUtilisation[y])).OrderByDescending(x => x.Item2.Mean).ThenBy(x => x.a.Agent).ThenBy(x => x.a.Agency)]).ToList();

        return new RunSummary(replications.Count, overall, processes, agencies)
        {
            Handoffs = Matrix(r => r.Handoffs),
            Reworks = Matrix(r => r.Reworks),
            Congruence = Estimate.Of([.. replications.Select(r => r.Congruence).Where(double.IsFinite)]),
            DeemedShare = Estimate.Of([.. replications.Select(r => r.DeemedShare).Where(double.IsFinite)]),
            Deadlines = DeadlineEstimates.Of(replications, r => r.Deadlines),
            ByYear = byYear,
        };
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
    Estimate CouncilMean,
    Estimate HandoffMean,
    Estimate ReworkMean,
    Estimate WindowMean,
    Estimate CriticalChainHandoffs,
    Estimate CriticalChainReworks,
    Estimate LittleProduct)
{
    /// <summary>Projects in progress at the horizon.</summary>
    public Estimate Unfinished { get; init; } = Estimate.Of([]);

    /// <summary>Share of the projects arrived after the warm-up that finished by the horizon (replications with arrivals).</summary>
    public Estimate FinishedShare { get; init; } = Estimate.Of([]);

    /// <summary>Projects arrived after the warm-up, summed over the replications.</summary>
    public long ArrivedTotal { get; init; }

    /// <summary>Of <see cref="ArrivedTotal"/>, those finished by the horizon.</summary>
    public long ArrivedAndFinishedTotal { get; init; }

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
            Defined(x => x.CouncilMean),
            Defined(x => x.HandoffMean),
            Defined(x => x.ReworkMean),
            Defined(x => x.WindowMean),
            Defined(x => x.CriticalChainHandoffs),
            Defined(x => x.CriticalChainReworks),
            Defined(x => x.LittleProduct))
        {
            Unfinished = Estimate.Of([.. f.Select(x => (double)x.UnfinishedAtHorizon)]),
            FinishedShare = Defined(x => x.FinishedShare),
            ArrivedTotal = f.Sum(x => x.Arrived),
            ArrivedAndFinishedTotal = f.Sum(x => x.ArrivedAndFinished),
        };
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
    Estimate WaitingCaused)
{
    public bool IsCouncil { get; init; }

    public Estimate DeterminingShare { get; init; } = Estimate.Of([]);

    public IReadOnlyList<Estimate> YearUtilisation { get; init; } = [];

    /// <summary>The stability verdict of each replication, in replication order.</summary>
    public IReadOnlyList<AgencyStability> Stability { get; init; } = [];

    public int SaturatedIn => Stability.Count(s => s.Saturated);

    public int GrowingIn => Stability.Count(s => s.Growing);

    /// <summary>Replications in which the agency was saturated or its work in progress grew.</summary>
    public int UnstableIn => Stability.Count(s => s.Unstable);
}
