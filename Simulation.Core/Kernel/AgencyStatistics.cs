namespace IsdnSim.Core.Kernel;

/// <summary>
/// What one agency did over the horizon. Utilisation is busy staff time over available staff
/// time, both in working time; queue figures are in calendar days.
/// </summary>
public readonly record struct AgencyStatistics(
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
    int InServiceAtEnd);
