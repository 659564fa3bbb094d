using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// Whether the figures describe a steady state: the agencies that were saturated or whose
/// work in progress grew (<see cref="AgencyStability"/>), and the processes of which most
/// arrived projects were unfinished (<see cref="RunStability"/>).
/// </summary>
public sealed record SummaryStability(
    bool Stable,
    double SaturatedUtilisationThreshold,
    double MostlyUnfinishedBelow,
    IReadOnlyList<SummaryUnstableAgency> UnstableAgencies,
    IReadOnlyList<SummaryUnfinishedProcess> MostlyUnfinishedProcesses)
{
    public static SummaryStability From(RunSummary summary) => new(
        RunStability.IsStable(summary),
        AgencyStability.SaturatedUtilisation,
        RunStability.MostlyUnfinishedBelow,
        [.. summary.Unstable.Select(a => SummaryUnstableAgency.From(a, summary.Replications))],
        [.. RunStability.MostlyUnfinished(summary).Select(p => new SummaryUnfinishedProcess(p.Process.Id, SummaryEstimate.From(p.Figures.FinishedShare)))]);
}
