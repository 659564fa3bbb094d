using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// The bottleneck rankings: over the whole run, and per simulated year by utilisation. Each names
/// the top of its ranking, at most <see cref="Top"/> agencies (per year <see cref="PerYear"/>; the
/// file says how many in <see cref="Listed"/>); every agency's figures and its place in each
/// ranking are in <see cref="AllAgencies"/>, so the summary stays small at any scale.
/// </summary>
public sealed record SummaryBottlenecks(
    int Listed,
    string AllAgencies,
    IReadOnlyList<SummaryRank> ByUtilisation,
    IReadOnlyList<SummaryRank> ByWaitingCaused,
    IReadOnlyList<SummaryRank> CriticalPathShare,
    IReadOnlyList<SummaryYearRanking> ByYear)
{
    /// <summary>How many agencies each ranking over the run names (and the list of unstable agencies).</summary>
    public const int Top = 10;

    /// <summary>How many agencies each year's ranking names.</summary>
    public const int PerYear = AgencyRankings.PerYear;

    /// <summary>The file of the run's folder with every agency's figures and ranks (written by the result writer).</summary>
    public const string AgenciesFile = "agencies_summary.csv";

    public static SummaryBottlenecks From(SimulationModel model, RunSummary summary) => new(
        Top,
        AgenciesFile,
        SummaryRank.Of(summary.ByUtilisation, a => a, a => a.Utilisation),
        SummaryRank.Of(summary.ByWaitingCaused, a => a, a => a.WaitingCaused),
        SummaryRank.Of(summary.ByDetermining, a => a, a => a.DeterminingShare),
        [.. summary.ByYear.Select((year, y) => new SummaryYearRanking(y + 1, new SimTime(model.YearStarts[y]).ToDate(model.Start),
            SummaryRank.Of(year, r => r.Agency, r => r.Utilisation, PerYear)))]);
}
