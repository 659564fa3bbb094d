using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// Whether the figures describe a steady state: the agencies that were saturated or whose
/// work in progress grew (<see cref="AgencyStability"/>; how many, and the first
/// <see cref="SummaryBottlenecks.Top"/> of them, most often first: agencies_summary.csv has
/// every agency's counts), and the processes of which most arrived projects were unfinished
/// (<see cref="RunStability"/>).
/// </summary>
public sealed record SummaryStability(
    bool Stable,
    double SaturatedUtilisationThreshold,
    double MostlyUnfinishedBelow,
    int UnstableAgencyCount,
    IReadOnlyList<SummaryUnstableAgency> UnstableAgencies,
    IReadOnlyList<SummaryUnfinishedProcess> MostlyUnfinishedProcesses)
{
    public static SummaryStability From(RunSummary summary)
    {
        var unstable = summary.Unstable;
        return new SummaryStability(
            RunStability.IsStable(summary),
            AgencyStability.SaturatedUtilisation,
            RunStability.MostlyUnfinishedBelow,
            unstable.Count,
            [.. unstable.Take(SummaryBottlenecks.Top).Select(a => SummaryUnstableAgency.From(a, summary.Replications))],
            [.. RunStability.MostlyUnfinished(summary).Select(p => new SummaryUnfinishedProcess(p.Process.Id, SummaryEstimate.From(p.Figures.FinishedShare)))]);
    }
}
