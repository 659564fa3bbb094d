using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// One cell of an experiment (a variant, or a point of a sweep) over its replications: each
/// headline metric with a 95 % interval, the mean lead-time percentiles, the agencies and the
/// deadlines.
/// </summary>
public sealed record CellSummary(
    string Cell,
    int Replications,
    IReadOnlyList<Estimate> Metrics,
    double[] LeadTimePercentiles,
    IReadOnlyList<AgencySummary> Agencies,
    IReadOnlyList<DeadlineEstimates> Deadlines)
{
    /// <param name="digests">The cell's replications, in replication order.</param>
    public static CellSummary Of(string cell, IReadOnlyList<ReplicationDigest> digests)
    {
        ArgumentOutOfRangeException.ThrowIfZero(digests.Count);
        var metricCount = digests[0].Metrics.Length;
        var metrics = Enumerable.Range(0, metricCount)
            .Select(m => Estimate.Of([.. digests.Select(d => d.Metrics[m]).Where(double.IsFinite)]))
            .ToList();

        // The mean of the replications' percentiles (a Vincentised distribution), from those with finished projects.
        var withProjects = digests.Where(d => d.LeadTimePercentiles.Length > 0).ToList();
        var percentiles = withProjects.Count == 0
            ? []
            : Enumerable.Range(0, ReplicationDigest.Percentiles).Select(i => withProjects.Average(d => d.LeadTimePercentiles[i])).ToArray();

        // Replications stored before stability was recorded have none; they count as not flagged.
        var judged = digests.Where(d => d.Stability is not null).Select(d => d.Stability!).ToList();
        var agencies = Enumerable.Range(0, digests[0].Agencies.Length).Select(i =>
        {
            var samples = digests.Select(d => d.Agencies[i]).ToList();
            var first = samples[0];
            return new AgencySummary(first.Agent, first.Agency, first.Name, first.Organisation, first.Staff, first.IsCouncil,
                Estimate.Of([.. samples.Select(s => s.Utilisation)]),
                Estimate.Of([.. samples.Select(s => s.WaitingCaused)]),
                Estimate.Of([.. samples.Select(s => s.DeterminingShare).Where(double.IsFinite)]),
                [.. Enumerable.Range(0, first.YearUtilisation.Length).Select(y => samples.Average(s => s.YearUtilisation[y]))])
            {
                UnstableIn = judged.Count(s => s.UnstableAgencies.Contains(i)),
            };
        }).ToList();
        var processes = judged.Count == 0 ? 0 : judged[0].Arrived.Length;

        return new CellSummary(cell, digests.Count, metrics, percentiles, agencies, DeadlineEstimates.Of(digests, d => d.Deadlines))
        {
            JudgedReplications = judged.Count,
            ProcessArrived = [.. Enumerable.Range(0, processes).Select(p => judged.Sum(s => s.Arrived[p]))],
            ProcessArrivedAndFinished = [.. Enumerable.Range(0, processes).Select(p => judged.Sum(s => s.ArrivedAndFinished[p]))],
        };
    }

    /// <summary>Replications whose stability was recorded (all but those stored by an older version).</summary>
    public int JudgedReplications { get; init; }

    /// <summary>Per process, projects arrived after the warm-up, summed over the judged replications.</summary>
    public IReadOnlyList<long> ProcessArrived { get; init; } = [];

    /// <summary>Per process, of <see cref="ProcessArrived"/>, those finished by the horizon.</summary>
    public IReadOnlyList<long> ProcessArrivedAndFinished { get; init; } = [];

    /// <summary>Agencies saturated or growing in at least one replication (<see cref="AgencyStability"/>), most often first.</summary>
    public IReadOnlyList<AgencySummary> Unstable =>
        [.. Agencies.Where(a => a.UnstableIn > 0).OrderByDescending(a => a.UnstableIn).ThenByDescending(a => a.Utilisation.Mean)
            .ThenBy(a => a.Agent, StringComparer.Ordinal).ThenBy(a => a.Agency, StringComparer.Ordinal)];

    /// <summary>Indices of the processes whose arrived projects were mostly unfinished (<see cref="RunStability"/>).</summary>
    public IReadOnlyList<int> MostlyUnfinished =>
        [.. Enumerable.Range(0, ProcessArrived.Count).Where(p => RunStability.IsMostlyUnfinished(ProcessArrived[p], ProcessArrivedAndFinished[p]))];

    /// <summary>Whether all projects together were mostly unfinished.</summary>
    public bool MostlyUnfinishedOverall => RunStability.IsMostlyUnfinished(ProcessArrived.Sum(), ProcessArrivedAndFinished.Sum());

    /// <summary>No agency unstable and no process mostly unfinished: the figures describe a steady state.</summary>
    public bool IsStable => Unstable.Count == 0 && MostlyUnfinished.Count == 0 && !MostlyUnfinishedOverall;

    /// <summary>Agencies with staff, busiest first (utilisation, then queue time caused).</summary>
    public IReadOnlyList<AgencySummary> Busiest =>
        [.. Agencies.Where(a => !a.IsCouncil).OrderByDescending(a => a.Utilisation.Mean).ThenByDescending(a => a.WaitingCaused.Mean)
            .ThenBy(a => a.Agent, StringComparer.Ordinal).ThenBy(a => a.Agency, StringComparer.Ordinal)];

    /// <summary>Agencies by their share of projects whose longest critical step they had, largest first.</summary>
    public IReadOnlyList<AgencySummary> Determining =>
        [.. Agencies.Where(a => a.DeterminingShare.Mean > 0).OrderByDescending(a => a.DeterminingShare.Mean)
            .ThenBy(a => a.Agent, StringComparer.Ordinal).ThenBy(a => a.Agency, StringComparer.Ordinal)];
}

public sealed record AgencySummary(
    string Agent,
    string Agency,
    string Name,
    string Organisation,
    int Staff,
    bool IsCouncil,
    Estimate Utilisation,
    Estimate WaitingCaused,
    Estimate DeterminingShare,
    double[] YearUtilisation)
{
    /// <summary>Replications in which the agency was saturated or its work in progress grew.</summary>
    public int UnstableIn { get; init; }
}
