namespace IsdnSim.Kernel.Agents;

/// <summary>
/// What one agency did over the horizon. Utilisation is busy staff time over available staff
/// time, both in working time; queue figures are in calendar days; mean wait is over the items
/// that started service (waiting caused includes those still queued at the horizon). For a
/// council, staff is 0, utilisation is the share of agenda places used, and the wait is the
/// wait for a session.
/// </summary>
public sealed record AgencyStatistics(
    int Agent,
    int Agency,
    int Staff,
    double Utilisation,
    double MeanQueueLength,
    double MeanWait,
    long Arrived,
    long Started,
    long Done,
    double WaitingCaused,
    int InQueueAtEnd,
    int InServiceAtEnd,
    double[] YearUtilisation,
    double[] YearWaitingCaused)
{
    public bool IsCouncil { get; init; }

    /// <summary>Steps of its roles that counted as done by law (a legal fiction) because it had not finished them in time.</summary>
    public long Fictions { get; init; }

    /// <summary>Value equality including the yearly figures (records compare arrays by reference).</summary>
    public bool SameAs(AgencyStatistics other) =>
        this with { YearUtilisation = [], YearWaitingCaused = [] } == other with { YearUtilisation = [], YearWaitingCaused = [] }
        && YearUtilisation.AsSpan().SequenceEqual(other.YearUtilisation) && YearWaitingCaused.AsSpan().SequenceEqual(other.YearWaitingCaused);
}
