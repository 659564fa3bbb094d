using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Metrics;

/// <summary>How one group of a shock met its deadline over the replications of a run or of an experiment's cell.</summary>
public sealed record DeadlineEstimates(
    string Shock,
    string ShockName,
    string Group,
    DateOnly Deadline,
    Estimate Mandated,
    Estimate OnTime,
    Estimate Late,
    Estimate Unfinished,
    Estimate Compliance)
{
    /// <param name="replications">The same group's figures in each replication, in replication order.</param>
    public static DeadlineEstimates Of(IReadOnlyList<DeadlineFigures> replications)
    {
        ArgumentOutOfRangeException.ThrowIfZero(replications.Count);
        var first = replications[0];
        return new DeadlineEstimates(first.Shock, first.ShockName, first.Group, first.Deadline,
            Estimate.Of([.. replications.Select(s => (double)s.Mandated)]),
            Estimate.Of([.. replications.Select(s => (double)s.OnTime)]),
            Estimate.Of([.. replications.Select(s => (double)s.Late)]),
            Estimate.Of([.. replications.Select(s => (double)s.Unfinished)]),
            Estimate.Of([.. replications.Select(s => s.Compliance).Where(double.IsFinite)]));
    }

    /// <summary>Each group's estimates, from replications that each hold every group in the same order.</summary>
    public static IReadOnlyList<DeadlineEstimates> Of<T>(IReadOnlyList<T> replications, Func<T, IReadOnlyList<DeadlineFigures>> deadlines) =>
        replications.Count == 0
            ? []
            : [.. Enumerable.Range(0, deadlines(replications[0]).Count).Select(d => Of([.. replications.Select(r => deadlines(r)[d])]))];
}
