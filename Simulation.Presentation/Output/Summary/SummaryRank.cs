using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>An agency's place in a bottleneck ranking (counted from 1) and the figure it was ranked by.</summary>
public sealed record SummaryRank(int Rank, string Agent, string Agency, SummaryEstimate Value)
{
    /// <summary>The agencies in the order given, ranked 1, 2, ... by <paramref name="pick"/>'s figure.</summary>
    public static IReadOnlyList<SummaryRank> Of<T>(IEnumerable<T> ranking, Func<T, AgencyEstimates> agency, Func<T, Estimate> pick) =>
        [.. ranking.Select((r, i) => new SummaryRank(i + 1, agency(r).Agent, agency(r).Agency, SummaryEstimate.From(pick(r))))];
}
