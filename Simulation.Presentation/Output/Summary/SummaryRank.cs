using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// An agency's place in a bottleneck ranking (counted from 1), its name with its organisation in
/// parentheses, and the figure it was ranked by.
/// </summary>
public sealed record SummaryRank(int Rank, string Agent, string Agency, string Name, SummaryEstimate Value)
{
    /// <summary>The first <see cref="SummaryBottlenecks.Top"/> agencies in the order given, ranked 1, 2, ... by <paramref name="pick"/>'s figure.</summary>
    public static IReadOnlyList<SummaryRank> Of<T>(IEnumerable<T> ranking, Func<T, AgencyEstimates> agency, Func<T, Estimate> pick, int count = SummaryBottlenecks.Top) =>
        [.. ranking.Take(count).Select((r, i) => new SummaryRank(i + 1, agency(r).Agent, agency(r).Agency, NameOf(agency(r)), SummaryEstimate.From(pick(r))))];

    /// <summary>"Bauamt (Amt Seegrund)": how summary.json names an agency for a reader; agencies_summary.csv has the two apart.</summary>
    public static string NameOf(AgencyEstimates a) => $"{a.Name} ({a.Organisation})";
}
