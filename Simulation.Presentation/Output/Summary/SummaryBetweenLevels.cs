namespace IsdnSim.Presentation.Output.Summary;

/// <summary>Hand-offs and returns for rework between levels, only the pairs that occur.</summary>
public sealed record SummaryBetweenLevels(IReadOnlyList<SummaryLevelPair> Handoffs, IReadOnlyList<SummaryLevelPair> ReturnsForRework);
