using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// Morris screening figures of one parameter (0-based) over r trajectories: mu, the mean
/// elementary effect (Morris 1991); mu*, the mean absolute elementary effect, which effects of
/// opposite sign cannot cancel (Campolongo, Cariboni and Saltelli, Environ. Model. Softw. 22,
/// 2007); and sigma, their standard deviation (divisor r - 1), large when the effect depends on
/// the other parameters (interactions or nonlinearity). mu* and sigma carry percentile-bootstrap
/// intervals over the trajectories; sigma is NaN with a single trajectory. Effects are per unit
/// of the scaled range [0, 1]: the output's change when the parameter moves across its whole range.
/// </summary>
public sealed record ElementaryEffectsSummary(int Parameter, double Mu, IntervalEstimate MuStar, IntervalEstimate Sigma);
