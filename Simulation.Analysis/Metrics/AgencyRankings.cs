using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// The bottleneck rankings of a run and of an experiment's cell, one definition for both. Ties
/// keep the scenario's order (agents, and each agent's agencies, as the file lists them; the
/// sorts are stable), which is the order the estimates come in.
/// </summary>
public static class AgencyRankings
{
    /// <summary>Agencies with staff, busiest first (utilisation, then queue time caused).</summary>
    public static IReadOnlyList<AgencyEstimates> ByUtilisation(IReadOnlyList<AgencyEstimates> agencies) =>
        [.. agencies.Where(a => !a.IsCouncil).OrderByDescending(a => a.Utilisation.Mean).ThenByDescending(a => a.WaitingCaused.Mean)];

    /// <summary>All agencies by the queue time they caused, then by utilisation.</summary>
    public static IReadOnlyList<AgencyEstimates> ByWaitingCaused(IReadOnlyList<AgencyEstimates> agencies) =>
        [.. agencies.OrderByDescending(a => a.WaitingCaused.Mean).ThenByDescending(a => a.Utilisation.Mean)];

    /// <summary>Agencies by the share of projects whose longest critical step they had, largest first.</summary>
    public static IReadOnlyList<AgencyEstimates> ByDetermining(IReadOnlyList<AgencyEstimates> agencies) =>
        [.. agencies.Where(a => a.DeterminingShare.Mean > 0).OrderByDescending(a => a.DeterminingShare.Mean)];

    /// <summary>Agencies saturated or growing in at least one replication (<see cref="AgencyStability"/>), most often first.</summary>
    public static IReadOnlyList<AgencyEstimates> Unstable(IReadOnlyList<AgencyEstimates> agencies) =>
        [.. agencies.Where(a => a.UnstableIn > 0).OrderByDescending(a => a.UnstableIn).ThenByDescending(a => a.Utilisation.Mean)];

    /// <summary>How many agencies each year's ranking names.</summary>
    public const int PerYear = 5;

    /// <summary>
    /// Per simulated year, the <see cref="PerYear"/> agencies with staff of the highest mean
    /// utilisation that year, highest first. (Ordering then taking lets LINQ sort only the top, and
    /// its sort is stable, so these are the first of the whole ranking; a Germany-scale run's whole
    /// rankings, years times 9,000 agencies, were half the time of its summary.)
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(AgencyEstimates Agency, Estimate Utilisation)>> ByYear(IReadOnlyList<AgencyEstimates> agencies, int years) =>
    [
        .. Enumerable.Range(0, years).Select(y => (IReadOnlyList<(AgencyEstimates, Estimate)>)
            [.. agencies.Where(a => !a.IsCouncil).Select(a => (a, a.YearUtilisation[y])).OrderByDescending(x => x.Item2.Mean).Take(PerYear)]),
    ];

    /// <summary>
    /// Each agency's place in <paramref name="ranking"/> (one of the rankings above of the same
    /// <paramref name="agencies"/>), counted from 1, aligned with <paramref name="agencies"/>; 0 for an agency the ranking leaves out.
    /// </summary>
    public static int[] Places(IReadOnlyList<AgencyEstimates> agencies, IReadOnlyList<AgencyEstimates> ranking)
    {
        // By reference: the rankings hold the very objects, and a record's own hash would hash every estimate it holds.
        var position = new Dictionary<AgencyEstimates, int>(agencies.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < agencies.Count; i++)
        {
            position.Add(agencies[i], i);
        }

        var places = new int[agencies.Count];
        for (var rank = 0; rank < ranking.Count; rank++)
        {
            places[position[ranking[rank]]] = rank + 1;
        }

        return places;
    }
}
