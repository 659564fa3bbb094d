namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Arrivals of one process at one municipality before the horizon (Poisson demand and, in an
/// entry of their own, projects a shock obliged it to start). With the finished projects
/// this gives the time-average work in progress exactly, unfinished projects included.
/// <see cref="Count"/> and <see cref="SumOfArrivalTimes"/> are over arrivals at or after the
/// warm-up; <see cref="Before"/> counts those before it.
/// </summary>
public readonly record struct ArrivalTally(int Owner, int Process, long Count, double SumOfArrivalTimes, long Before = 0);
