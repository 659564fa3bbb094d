using System.Globalization;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// The rule for a figure that has no value in some replications (a lead time where no project
/// finished, a share of decisions where none was taken), stated the same way on the terminal and
/// in the reports: the mean is over the replications with a value (n), n is shown wherever it is
/// fewer than all, and a paired difference over fewer replications than its means says so.
/// </summary>
public static class MissingValues
{
    /// <summary>The rule, for every comparison.</summary>
    public const string Rule =
        "A replication in which a figure has nothing to measure (no project finished, no decision or consultation of its kind) has no value of it: " +
        "the mean and its interval are over the replications that have one (n, shown wherever it is fewer than all).";

    /// <summary>Why leaving replications out is not neutral for lead times, for a comparison where it happened.</summary>
    public const string Bias =
        "Leaving replications out is not neutral for lead times: a project counts only if it finished by the horizon, so a replication has no value " +
        "where its projects took too long to finish (or none arrived), and the mean over the rest is too low (optimistic), the more so the fewer remain. " +
        "Read such a lead time with the projects arrived and finished, which leave no replication out.";

    /// <summary>What a difference marked † is, for a comparison that has one.</summary>
    public const string Pairs =
        "† The paired difference is over the replications in which both variants have a value, fewer than those of the means beside it: " +
        "it compares the replications in which both finished something, so it leaves out exactly those where one of them finished nothing; read it as indicative.";

    /// <summary>The metrics that have a value in some replications of some cell but not in all replications of every cell.</summary>
    public static IReadOnlyList<int> Incomplete(ComparisonResult result) =>
        [.. Enumerable.Range(0, result.Metrics.Count).Where(m =>
            result.Cells.Any(c => c.Metrics[m].N > 0) && result.Cells.Any(c => c.Metrics[m].N < c.Replications))];

    /// <summary>"Lead time: Cycle path: a value in 13 of 30 replications of status-quo, 15 of 30 of democratisation", one per incomplete metric.</summary>
    public static IReadOnlyList<string> Lines(ComparisonResult result, Func<string, string> name) =>
        [.. Incomplete(result).Select(m => $"{result.Metrics[m].Label}: a value in " +
            string.Join(", ", result.Cells.Select((c, i) => string.Create(CultureInfo.InvariantCulture,
                $"{c.Metrics[m].N} of {c.Replications}{(i == 0 ? " replications" : "")} of {name(c.Cell)}"))))];

    /// <summary>The differences not taken over the replications of the means beside them (and with pairs at all).</summary>
    public static IReadOnlyList<Difference> UnequalPairs(ComparisonResult result) =>
        [.. result.Differences.Where(d => d.Paired.N > 0 && !d.OnTheReplicationsOfTheMeans)];

    /// <summary>
    /// "† democratisation − status-quo, Lead time: Cycle path: over the 12 replications in which both have a value
    /// (there status-quo 305.1, democratisation 322.1), not over the 15 and 13 of the means beside it."
    /// </summary>
    /// <param name="value">A metric's value as the view shows it.</param>
    public static string Line(ComparisonResult result, Difference d, Func<string, string> name, Func<MetricDefinition, double, string> value)
    {
        var metric = result.Metrics[d.Metric];
        return string.Create(CultureInfo.InvariantCulture,
            $"† {name(d.Cell)} − {name(result.Baseline)}, {metric.Label}: over the {d.Paired.N} replication{(d.Paired.N == 1 ? "" : "s")} in which both have a value " +
            $"(there {name(result.Baseline)} {value(metric, d.BaselineMeanOfPairs)}, {name(d.Cell)} {value(metric, d.VariantMeanOfPairs)}), " +
            $"not over the {d.BaselineN} and {d.VariantN} of the means beside it.");
    }
}
