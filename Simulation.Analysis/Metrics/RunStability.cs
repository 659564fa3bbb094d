using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// Whether a run's figures describe a steady state. A run is unstable when an agency was
/// saturated or its work in progress grew in any replication (<see cref="AgencyStability"/>),
/// or when most projects that arrived after the warm-up were unfinished at the horizon, overall
/// or in one process: then the lead times of the finished ones describe a minority, the quick
/// ones. "Most" must be certain, not a matter of two projects: the upper bound of the 95 % Wilson
/// interval of the share finished (pooled over replications) is below <see cref="MostlyUnfinishedBelow"/>.
/// </summary>
public static class RunStability
{
    /// <summary>A share finished surely below this (its 95 % upper bound is) means mostly unfinished.</summary>
    public const double MostlyUnfinishedBelow = 0.5;

    /// <summary>Whether the 95 % upper bound of the share finished is below <see cref="MostlyUnfinishedBelow"/>.</summary>
    /// <param name="arrived">Projects arrived after the warm-up, over all replications.</param>
    /// <param name="finished">Of them, those finished by the horizon.</param>
    public static bool IsMostlyUnfinished(long arrived, long finished) =>
        arrived > 0 && Proportion.WilsonUpper(finished, arrived) < MostlyUnfinishedBelow;

    /// <summary>Whether the projects of <paramref name="f"/> (a process, or all) were mostly unfinished, pooled over the replications.</summary>
    public static bool IsMostlyUnfinished(FlowEstimates f) => IsMostlyUnfinished(f.ArrivedTotal, f.ArrivedAndFinishedTotal);

    /// <summary>Processes whose arrived projects were mostly unfinished at the horizon.</summary>
    public static IReadOnlyList<(ProcessModel Process, FlowEstimates Figures)> MostlyUnfinished(RunSummary summary) =>
        [.. summary.Processes.Where(p => IsMostlyUnfinished(p.Figures))];

    /// <summary>No agency unstable in any replication and nothing mostly unfinished: the figures describe a steady state.</summary>
    public static bool IsStable(RunSummary summary) =>
        summary.Unstable.Count == 0 && !IsMostlyUnfinished(summary.Overall) && MostlyUnfinished(summary).Count == 0;
}
