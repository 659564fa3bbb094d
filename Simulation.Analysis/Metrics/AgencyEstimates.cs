using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Metrics;

/// <summary>One agency over the replications of a run or of an experiment's cell, each figure with a 95 % interval.</summary>
public sealed record AgencyEstimates(
    string Agent,
    string Agency,
    string Name,
    string Organisation,
    int Staff,
    bool IsCouncil,
    Estimate Utilisation,
    Estimate WaitingCaused,
    Estimate DeterminingShare,
    IReadOnlyList<Estimate> YearUtilisation)
{
    public Estimate MeanQueueLength { get; init; } = Estimate.Of([]);

    public Estimate MeanWait { get; init; } = Estimate.Of([]);

    public Estimate ItemsDone { get; init; } = Estimate.Of([]);

    /// <summary>Steps of its roles done by law per replication (legal fictions).</summary>
    public Estimate Fictions { get; init; } = Estimate.Of([]);

    /// <summary>The share of the posts' working time with staff present (none for a council).</summary>
    public Estimate PresentShare { get; init; } = Estimate.Of([]);

    /// <summary>Busy time over the working time of the staff present (none for a council).</summary>
    public Estimate PresentUtilisation { get; init; } = Estimate.Of([]);

    /// <summary>Replications in which the agency was saturated (<see cref="AgencyStability"/>).</summary>
    public int SaturatedIn { get; init; }

    /// <summary>Replications in which its work in progress grew.</summary>
    public int GrowingIn { get; init; }

    /// <summary>Replications in which the agency was saturated or its work in progress grew.</summary>
    public int UnstableIn { get; init; }

    /// <param name="replications">The same agency's figures in each replication, in replication order.</param>
    public static AgencyEstimates Of(IReadOnlyList<AgencyFigures> replications)
    {
        ArgumentOutOfRangeException.ThrowIfZero(replications.Count);
        var first = replications[0];

        // Figures read back from an experiment's store carry no verdict; the experiment counts those itself.
        var judged = replications.Where(r => r.Stability is not null).Select(r => r.Stability!).ToList();
        return new AgencyEstimates(first.Agent, first.Agency, first.Name, first.Organisation, first.Staff, first.IsCouncil,
            Estimate.Of([.. replications.Select(r => r.Utilisation)]),
            Estimate.Of([.. replications.Select(r => r.WaitingCaused)]),
            Estimate.Of([.. replications.Select(r => r.DeterminingShare).Where(double.IsFinite)]),
            [.. Enumerable.Range(0, first.YearUtilisation.Length).Select(y => Estimate.Of([.. replications.Select(r => r.YearUtilisation[y])]))])
        {
            MeanQueueLength = Estimate.Of([.. replications.Select(r => r.MeanQueueLength)]),
            MeanWait = Estimate.Of([.. replications.Select(r => r.MeanWait)]),
            ItemsDone = Estimate.Of([.. replications.Select(r => (double)r.ItemsDone)]),
            Fictions = Estimate.Of([.. replications.Select(r => (double)r.Fictions)]),

            PresentShare = Estimate.Of([.. replications.Select(r => r.PresentShare).Where(double.IsFinite)]),
            PresentUtilisation = Estimate.Of([.. replications.Select(r => r.PresentUtilisation).Where(double.IsFinite)]),
            SaturatedIn = judged.Count(s => s.Saturated),
            GrowingIn = judged.Count(s => s.Growing),
            UnstableIn = judged.Count(s => s.Unstable),
        };
    }

    /// <summary>
    /// Each agency's estimates, from replications that each hold every agency in the same order.
    /// <paramref name="agencies"/> is called once per replication: it may compute the figures.
    /// </summary>
    public static IReadOnlyList<AgencyEstimates> Of<T>(IReadOnlyList<T> replications, Func<T, IReadOnlyList<AgencyFigures>> agencies)
    {
        var byReplication = replications.Select(agencies).ToArray();
        return byReplication.Length == 0
            ? []
            : [.. Enumerable.Range(0, byReplication[0].Count).Select(a => Of([.. byReplication.Select(r => r[a])]))];
    }
}
