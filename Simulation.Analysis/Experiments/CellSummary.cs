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
    IReadOnlyList<AgencyEstimates> Agencies,
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
        var agencies = AgencyEstimates.Of(digests, d => d.Agencies)
            .Select((a, i) => a with
            {
                UnstableIn = judged.Count(s => s.UnstableAgencies.Contains(i)),
                PresentUtilisation = Estimate.Of([.. judged.Where(s => s.PresentUtilisation is not null).Select(s => s.PresentUtilisation![i]).Where(double.IsFinite)]),
            })
            .ToList();
        var processes = judged.Count == 0 ? 0 : judged[0].Arrived.Length;

        return new CellSummary(cell, digests.Count, metrics, percentiles, agencies, DeadlineEstimates.Of(digests, d => d.Deadlines))
        {
            JudgedReplications = judged.Count,
            UnstableReplications = judged.Count(s => s.UnstableAgencies.Length > 0),
            ProcessArrived = [.. Enumerable.Range(0, processes).Select(p => judged.Sum(s => s.Arrived[p]))],
            ProcessArrivedAndFinished = [.. Enumerable.Range(0, processes).Select(p => judged.Sum(s => s.ArrivedAndFinished[p]))],
        };
    }

    /// <summary>Replications whose stability was recorded (all but those stored by an older version).</summary>
    public int JudgedReplications { get; init; }

    /// <summary>Judged replications in which some agency was saturated or its work in progress grew.</summary>
    public int UnstableReplications { get; init; }

    /// <summary>
    /// Most of the cell's figures come from replications without a steady state: an agency was
    /// unstable in more than half of the judged replications, or all projects together were
    /// mostly unfinished. Then its mean lead times are, mostly, those of finished projects in a
    /// queue that kept growing, and understate the delay; with one unstable replication in ten
    /// they are mostly steady-state figures, and the warning names the exception.
    /// </summary>
    public bool MostlyUnstable => UnstableReplications * 2 > JudgedReplications || MostlyUnfinishedOverall;

    /// <summary>"unstable in 9 of 10" (replications), or "mostly unfinished"; empty for a stable cell.</summary>
    public string InstabilityNote => IsStable ? "" : UnstableReplications > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"unstable in {UnstableReplications} of {JudgedReplications}")
        : "mostly unfinished";

    /// <summary>Per process, projects arrived after the warm-up, summed over the judged replications.</summary>
    public IReadOnlyList<long> ProcessArrived { get; init; } = [];

    /// <summary>Per process, of <see cref="ProcessArrived"/>, those finished by the horizon.</summary>
    public IReadOnlyList<long> ProcessArrivedAndFinished { get; init; } = [];

    /// <summary>Agencies saturated or growing in at least one replication (<see cref="AgencyStability"/>), most often first.</summary>
    public IReadOnlyList<AgencyEstimates> Unstable => AgencyRankings.Unstable(Agencies);

    /// <summary>Indices of the processes whose arrived projects were mostly unfinished (<see cref="RunStability"/>).</summary>
    public IReadOnlyList<int> MostlyUnfinished =>
        [.. Enumerable.Range(0, ProcessArrived.Count).Where(p => RunStability.IsMostlyUnfinished(ProcessArrived[p], ProcessArrivedAndFinished[p]))];

    /// <summary>Whether all projects together were mostly unfinished.</summary>
    public bool MostlyUnfinishedOverall => RunStability.IsMostlyUnfinished(ProcessArrived.Sum(), ProcessArrivedAndFinished.Sum());

    /// <summary>No agency unstable and no process mostly unfinished: the figures describe a steady state.</summary>
    public bool IsStable => Unstable.Count == 0 && MostlyUnfinished.Count == 0 && !MostlyUnfinishedOverall;

    /// <summary>Agencies with staff, busiest first (utilisation, then queue time caused).</summary>
    public IReadOnlyList<AgencyEstimates> Busiest => AgencyRankings.ByUtilisation(Agencies);

    /// <summary>Agencies by their share of projects whose longest critical step they had, largest first.</summary>
    public IReadOnlyList<AgencyEstimates> Determining => AgencyRankings.ByDetermining(Agencies);
}
