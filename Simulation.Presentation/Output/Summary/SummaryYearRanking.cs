namespace IsdnSim.Presentation.Output.Summary;

/// <summary>The five most utilised agencies of one simulated year (counted from 1), which begins on <see cref="From"/>.</summary>
public sealed record SummaryYearRanking(int Year, DateOnly From, IReadOnlyList<SummaryRank> ByUtilisation);
