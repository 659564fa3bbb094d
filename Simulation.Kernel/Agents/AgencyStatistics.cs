namespace IsdnSim.Kernel.Agents;

/// <summary>
/// What one agency did over the horizon. Utilisation is busy staff time over the posts' working
/// time (staff times working time), both in working time; queue figures are in calendar days; mean wait is over the items
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

    /// <summary>
    /// The share of the posts' working time their holders were at work or free: neither absent (ill,
    /// on leave) nor the post vacant. 1 without absence, and for a council.
    /// </summary>
    public double PresentShare { get; init; } = 1;

    /// <summary>
    /// Busy staff time over the working time of the staff present (<see cref="Utilisation"/> over
    /// <see cref="PresentShare"/>): how hard those at work worked. Without absence it is
    /// <see cref="Utilisation"/>; for a council, the agenda places used.
    /// </summary>
    public double PresentUtilisation => PresentShare > 0 ? Utilisation / PresentShare : 0;

    /// <summary>Value equality including the yearly figures (records compare arrays by reference).</summary>
    public bool SameAs(AgencyStatistics other) =>
        this with { YearUtilisation = [], YearWaitingCaused = [] } == other with { YearUtilisation = [], YearWaitingCaused = [] }
        && YearUtilisation.AsSpan().SequenceEqual(other.YearUtilisation) && YearWaitingCaused.AsSpan().SequenceEqual(other.YearWaitingCaused);
}
