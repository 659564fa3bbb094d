using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>The bottleneck rankings: over the whole run, and per simulated year by utilisation.</summary>
public sealed record SummaryBottlenecks(
    IReadOnlyList<SummaryRank> ByUtilisation,
    IReadOnlyList<SummaryRank> ByWaitingCaused,
    IReadOnlyList<SummaryRank> CriticalPathShare,
    IReadOnlyList<SummaryYearRanking> ByYear)
{
    /// <summary>How many agencies each year's ranking names.</summary>
    public const int PerYear = 5;

    public static SummaryBottlenecks From(SimulationModel model, RunSummary summary) => new(
        SummaryRank.Of(summary.ByUtilisation, a => a, a => a.Utilisation),
        SummaryRank.Of(summary.ByWaitingCaused, a => a, a => a.WaitingCaused),
        SummaryRank.Of(summary.ByDetermining, a => a, a => a.DeterminingShare),
        [.. summary.ByYear.Select((year, y) => new SummaryYearRanking(y + 1, new SimTime(model.YearStarts[y]).ToDate(model.Start),
            SummaryRank.Of(year.Take(PerYear), r => r.Agency, r => r.Utilisation)))]);
}
