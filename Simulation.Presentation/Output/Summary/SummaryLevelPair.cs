using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>How often per replication work passed from one level to another.</summary>
public sealed record SummaryLevelPair(string From, string To, SummaryEstimate Count)
{
    public static IReadOnlyList<SummaryLevelPair> Of(IReadOnlyList<(string From, string To, Estimate Count)> pairs) =>
        [.. pairs.Select(p => new SummaryLevelPair(p.From, p.To, SummaryEstimate.From(p.Count)))];
}
