namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// History matching over a design: the implausibility of every point for every statistic
/// ([point][statistic]), its maximum over the statistics per point, and the points not ruled out
/// (maximum at most the cut-off), in design order. An empty NotImplausible means that no point of
/// the design reproduces the observations within the stated uncertainties.
/// </summary>
public sealed record HistoryMatchResult(IReadOnlyList<double[]> Implausibility, IReadOnlyList<double> Maximum, IReadOnlyList<int> NotImplausible, double Cutoff);
