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
    public Estimate MeanQueueLength { get; init; } = None;

    public Estimate MeanWait { get; init; } = None;

    public Estimate ItemsDone { get; init; } = None;

    /// <summary>Steps of its roles done by law per replication (legal fictions).</summary>
    public Estimate Fictions { get; init; } = None;

    /// <summary>The share of the posts' working time with staff present (none for a council).</summary>
    public Estimate PresentShare { get; init; } = None;

    /// <summary>Busy time over the working time of the staff present (none for a council).</summary>
    public Estimate PresentUtilisation { get; init; } = None;

    /// <summary>Replications in which the agency was saturated (<see cref="AgencyStability"/>).</summary>
    public int SaturatedIn { get; init; }

    /// <summary>Replications in which its work in progress grew.</summary>
    public int GrowingIn { get; init; }

    /// <summary>Replications in which the agency was saturated or its work in progress grew.</summary>
    public int UnstableIn { get; init; }

    // The estimate over no values (a figure undefined in every replication): immutable, so shared.
    private static readonly Estimate None = Estimate.Of([]);

    /// <param name="replications">The same agency's figures in each replication, in replication order.</param>
    public static AgencyEstimates Of(IReadOnlyList<AgencyFigures> replications)
    {
        ArgumentOutOfRangeException.ThrowIfZero(replications.Count);
        var first = replications[0];

        // Figures read back from an experiment's store carry no verdict; the experiment counts those itself.
        int saturated = 0, growing = 0, unstable = 0;
        foreach (var r in replications)
        {
            if (r.Stability is { } s)
            {
                saturated += s.Saturated ? 1 : 0;
                growing += s.Growing ? 1 : 0;
                unstable += s.Unstable ? 1 : 0;
            }
        }

        var years = new Estimate[first.YearUtilisation.Length];
        for (var y = 0; y < years.Length; y++)
        {
            if (replications.Count == 1)
            {
                years[y] = Estimate.OfOne(first.YearUtilisation[y]);
                continue;
            }

            var values = new double[replications.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = replications[i].YearUtilisation[y];
            }

            years[y] = Estimate.Of(values);
        }

        return new AgencyEstimates(first.Agent, first.Agency, first.Name, first.Organisation, first.Staff, first.IsCouncil,
            All(replications, static r => r.Utilisation),
            All(replications, static r => r.WaitingCaused),
            Finite(replications, static r => r.DeterminingShare),
            years)
        {
            MeanQueueLength = All(replications, static r => r.MeanQueueLength),
            MeanWait = All(replications, static r => r.MeanWait),
            ItemsDone = All(replications, static r => r.ItemsDone),
            Fictions = All(replications, static r => r.Fictions),

            PresentShare = Finite(replications, static r => r.PresentShare),
            PresentUtilisation = Finite(replications, static r => r.PresentUtilisation),
            SaturatedIn = saturated,
            GrowingIn = growing,
            UnstableIn = unstable,
        };
    }

    // A Germany-scale run has some 20,000 agencies with about twenty estimates each: the values go
    // into one exactly sized array per estimate (in replication order, as before, so every mean
    // and interval is the same to the bit), not through a LINQ pipeline and a growing list, which
    // were most of the time and allocations of the run's summary.
    // One replication (a Germany run's usual case) needs no array at all.
    private static Estimate All(IReadOnlyList<AgencyFigures> replications, Func<AgencyFigures, double> pick)
    {
        if (replications.Count == 1)
        {
            return Estimate.OfOne(pick(replications[0]));
        }

        var values = new double[replications.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = pick(replications[i]);
        }

        return Estimate.Of(values);
    }

    /// <summary>The estimate over the replications in which the figure is defined (finite).</summary>
    private static Estimate Finite(IReadOnlyList<AgencyFigures> replications, Func<AgencyFigures, double> pick)
    {
        if (replications.Count == 1)
        {
            return pick(replications[0]) is var one && double.IsFinite(one) ? Estimate.OfOne(one) : None;
        }

        var count = 0;
        foreach (var r in replications)
        {
            count += double.IsFinite(pick(r)) ? 1 : 0;
        }

        var values = new double[count];
        var k = 0;
        foreach (var r in replications)
        {
            if (pick(r) is var v && double.IsFinite(v))
            {
                values[k++] = v;
            }
        }

        return Estimate.Of(values);
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
