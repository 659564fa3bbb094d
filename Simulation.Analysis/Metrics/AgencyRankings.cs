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

    /// <summary>Per simulated year, agencies with staff ranked by their mean utilisation that year.</summary>
    public static IReadOnlyList<IReadOnlyList<(AgencyEstimates Agency, Estimate Utilisation)>> ByYear(IReadOnlyList<AgencyEstimates> agencies, int years) =>
    [
        .. Enumerable.Range(0, years).Select(y => (IReadOnlyList<(AgencyEstimates, Estimate)>)
            [.. agencies.Where(a => !a.IsCouncil).Select(a => (a, a.YearUtilisation[y])).OrderByDescending(x => x.Item2.Mean)]),
    ];
}
