namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// Sequential replications for a target precision: after each round, the half-width of every
/// key difference (each variant against the baseline, on mean lead time and on throughput) is
/// compared with the target, a share of the baseline's mean. Half-widths shrink as 1/sqrt(n),
/// so the next round goes to the n that would just reach the target for the worst difference,
/// at most doubling, and never beyond the cap.
/// </summary>
public static class PrecisionRule
{
    public static readonly string[] KeyMetrics = ["lead_time_mean", "throughput_per_year"];

    /// <summary>No stop before this many replications: with fewer, the variance itself is too uncertain to trust a narrow interval.</summary>
    public const int MinimumReplications = 5;

    /// <summary>The replications of the next round, or null if every key difference is precise enough or the cap is reached.</summary>
    public static int? Next(ComparisonResult result, double precision, int replications, int cap)
    {
        if (replications >= cap)
        {
            return null;
        }

        var needed = Math.Max(replications, Math.Min(cap, MinimumReplications));
        foreach (var key in KeyMetrics)
        {
            var m = IndexOf(result, key);
            var target = precision * Math.Abs(result.Cell(result.Baseline).Metrics[m].Mean);
            if (!(target > 0))
            {
                continue;
            }

            foreach (var d in result.Differences.Where(d => d.Metric == m))
            {
                if (d.Paired.HalfWidth is not { } h)
                {
                    needed = Math.Max(needed, replications + 2);
                }
                else if (h > target)
                {
                    needed = Math.Max(needed, (int)Math.Ceiling(replications * (h / target) * (h / target)));
                }
            }
        }

        return needed == replications ? null : Math.Min(cap, Math.Min(2 * replications, Math.Max(needed, replications + 1)));
    }

    /// <summary>Whether every key difference has reached the target.</summary>
    public static bool Reached(ComparisonResult result, double precision) =>
        KeyMetrics.All(key =>
        {
            var m = IndexOf(result, key);
            var target = precision * Math.Abs(result.Cell(result.Baseline).Metrics[m].Mean);
            return !(target > 0) || result.Differences.Where(d => d.Metric == m).All(d => d.Paired.HalfWidth is { } h && h <= target);
        });

    private static int IndexOf(ComparisonResult result, string key) =>
        result.Metrics.Select((x, i) => (x, i)).First(p => p.x.Key == key).i;
}
