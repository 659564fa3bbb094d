using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// The Sobol' indices of one parameter (0-based, in the order of the design's columns): the
/// first-order index S1, the share of the output's variance its main effect explains, and the
/// total index ST, the share explained by it together with all its interactions, each with a
/// percentile-bootstrap interval.
/// </summary>
public sealed record SobolIndex(int Parameter, IntervalEstimate FirstOrder, IntervalEstimate Total);
