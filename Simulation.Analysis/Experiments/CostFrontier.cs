namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A variant's yearly cost against its mean lead time, and the variants that dominate it: at
/// least as cheap and at least as fast, and better on one of the two. A variant nobody dominates
/// is on the frontier: no other is better on both. Judged on the means over the replications; the
/// paired differences (in the comparison) say which of the gaps are clear.
/// </summary>
public sealed record FrontierPoint(string Cell, double Cost, double LeadTime, IReadOnlyList<string> DominatedBy)
{
    public bool OnFrontier => DominatedBy.Count == 0;
}

/// <summary>The cost-and-lead-time frontier of a comparison (<see cref="FrontierPoint"/>).</summary>
public static class CostFrontier
{
    /// <summary>
    /// Each point with the points that dominate it, in the order given. A point without a defined
    /// cost or lead time (no project finished) is left out: it can neither dominate nor be judged.
    /// </summary>
    public static IReadOnlyList<FrontierPoint> Of(IReadOnlyList<(string Cell, double Cost, double LeadTime)> points)
    {
        var defined = points.Where(p => double.IsFinite(p.Cost) && double.IsFinite(p.LeadTime)).ToList();
        return
        [
            .. defined.Select(p => new FrontierPoint(p.Cell, p.Cost, p.LeadTime,
                [.. defined.Where(q => q.Cell != p.Cell && Dominates(q, p)).Select(q => q.Cell)])),
        ];
    }

    /// <summary>
    /// The frontier of yearly cost of the administration against mean lead time; empty when the
    /// comparison has no costs (the scenario has none).
    /// </summary>
    public static IReadOnlyList<FrontierPoint> Of(ComparisonResult result)
    {
        var cost = Index(result, HeadlineMetrics.CostPerYear);
        var lead = Index(result, "lead_time_mean");
        return cost < 0 || lead < 0 ? [] : Of([.. result.Cells.Select(c => (c.Cell, c.Metrics[cost].Mean, c.Metrics[lead].Mean))]);
    }

    private static bool Dominates((string Cell, double Cost, double LeadTime) q, (string Cell, double Cost, double LeadTime) p) =>
        q.Cost <= p.Cost && q.LeadTime <= p.LeadTime && (q.Cost < p.Cost || q.LeadTime < p.LeadTime);

    private static int Index(ComparisonResult result, string key) => result.Metrics.ToList().FindIndex(m => m.Key == key);
}
