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
    // The rankings are sorted once, when first asked for: summary.json, agencies_summary.csv, the
    // summary on screen and the stability verdict each read them, and at Germany scale each sort
    // of 20,000 agencies cost more than writing the file that lists their places. Two writers may
    // race to the first sort: both give the same list of the same objects.
    public IReadOnlyList<AgencyEstimates> ByUtilisation => field ??= AgencyRankings.ByUtilisation(Agencies);

    public IReadOnlyList<AgencyEstimates> ByWaitingCaused => field ??= AgencyRankings.ByWaitingCaused(Agencies);

    /// <summary>Agencies by the share of projects whose longest critical step they had, largest first.</summary>
    public IReadOnlyList<AgencyEstimates> ByDetermining => field ??= AgencyRankings.ByDetermining(Agencies);

    /// <summary>Agencies saturated or growing in at least one replication (<see cref="AgencyStability"/>), most often first.</summary>
    public IReadOnlyList<AgencyEstimates> Unstable => field ??= AgencyRankings.Unstable(Agencies);

    /// <summary>(from level, to level) -> hand-offs per replication; only pairs that occur.</summary>
    public IReadOnlyList<(string From, string To, Estimate Count)> Handoffs { get; init; } = [];

    public IReadOnlyList<(string From, string To, Estimate Count)> Reworks { get; init; } = [];

    /// <summary>Territorial congruence and representation (<see cref="DemocracyEstimates"/>).</summary>
    public DemocracyEstimates Democracy { get; init; } = DemocracyEstimates.Empty;

    /// <summary>Territorial congruence of the decisions that leave a choice.</summary>
    public Estimate Congruence => Democracy.TerritorialCongruence;

    public Estimate LapsedShare { get; init; } = Estimate.Of([]);

    /// <summary>Share of the legal periods of steps with a fiction that ran out (<see cref="ReplicationFigures.FictionShare"/>).</summary>
    public Estimate FictionShare { get; init; } = Estimate.Of([]);

    public IReadOnlyList<DeadlineEstimates> Deadlines { get; init; } = [];

    /// <summary>What the modelled posts cost; null if the scenario has no costs.</summary>
    public CostEstimates? Costs { get; init; }

    /// <summary>Per simulated year, the <see cref="AgencyRankings.PerYear"/> agencies with staff of the highest mean utilisation that year.</summary>
    public IReadOnlyList<IReadOnlyList<(AgencyEstimates Agency, Estimate Utilisation)>> ByYear { get; init; } = [];

    public static RunSummary Build(SimulationModel model, IReadOnlyList<ReplicationFigures> replications)
    {
        var overall = FlowEstimates.Of([.. replications.Select(r => r.Overall)]);
        var processes = model.Processes
            .Select(p => (p, FlowEstimates.Of([.. replications.Select(r => r.Processes[p.Index])])))
            .ToList();
        var agencies = AgencyEstimates.Of(replications, r => AgencyFigures.Of(model, r));

        var levels = SimulationModel.Levels;
        IReadOnlyList<(string, string, Estimate)> Matrix(Func<ReplicationFigures, long[]> pick) =>
            [.. Enumerable.Range(0, levels.Length * levels.Length)
                .Where(k => replications.Any(r => pick(r)[k] > 0))
                .Select(k => (levels[k / levels.Length], levels[k % levels.Length], Estimate.Of([.. replications.Select(r => (double)pick(r)[k])])))];

        return new RunSummary(replications.Count, overall, processes, agencies)
        {
            Handoffs = Matrix(r => r.Handoffs),
            Reworks = Matrix(r => r.Reworks),
            Democracy = DemocracyEstimates.Of(replications),
            LapsedShare = Estimate.Of([.. replications.Select(r => r.LapsedShare).Where(double.IsFinite)]),
            FictionShare = Estimate.Of([.. replications.Select(r => r.FictionShare).Where(double.IsFinite)]),
            Deadlines = DeadlineEstimates.Of(replications, r => r.Deadlines),
            ByYear = AgencyRankings.ByYear(agencies, model.YearStarts.Length),
            Costs = CostEstimates.Of([.. replications.Select(r => r.Costs)]),
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

    public Estimate PeriodMean { get; init; } = Estimate.Of([]);

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
            PeriodMean = Defined(x => x.PeriodMean),
        };
    }
}
