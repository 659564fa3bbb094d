namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// History matching (Craig, Goldstein, Seheult and Smith, in Case Studies in Bayesian Statistics
/// III, 1997; Vernon, Goldstein and Bower, Bayesian Analysis 5, 2010): rule out the parameter
/// values at which the model cannot reproduce the observations. The implausibility of a point for
/// an observed statistic z is
/// I = |z - E[f(x)]| / sqrt(Var_obs + Var_model + Var_discrepancy),
/// where E[f(x)] is the model's expected value at x (here the mean over replications) and
/// Var_model the variance of z - E[f(x)] that the model's own randomness contributes
/// (<see cref="ModelVariance"/>). A point is implausible when its largest I over the statistics
/// exceeds <see cref="Cutoff"/> = 3, by Pukelsheim's three-sigma rule (The American Statistician
/// 48, 1994): at least 95 % of any unimodal distribution lies within three standard deviations.
/// </summary>
public static class HistoryMatching
{
    /// <summary>The conventional cut-off of the implausibility.</summary>
    public const double Cutoff = 3;

    /// <summary>I = |z - E[f(x)]| / sqrt(Var_obs + Var_model + Var_discrepancy); +infinity where the mean is not a number.</summary>
    public static double Implausibility(double observed, double simulatedMean, double observationVariance, double modelVariance, double discrepancyVariance)
    {
        var variance = observationVariance + modelVariance + discrepancyVariance;
        if (!(variance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(observationVariance), variance, "The variances of an implausibility must add up to a positive number.");
        }

        var i = Math.Abs(observed - simulatedMean) / Math.Sqrt(variance);
        return double.IsNaN(i) ? double.PositiveInfinity : i;
    }

    /// <summary>
    /// The model's share of the variance of z - E[f(x)] when E[f(x)] is estimated by the mean of
    /// <paramref name="replications"/> replications with sample variance s^2: s^2 for the real
    /// world being one realisation of a random process (the ensemble variability of a stochastic
    /// model, Andrianakis et al., PLoS Comput. Biol. 11, 2015) plus s^2 / R for the mean being an
    /// estimate, i.e. s^2 (1 + 1/R).
    /// </summary>
    public static double ModelVariance(double replicationVariance, int replications)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicationVariance);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        return replicationVariance * (1 + (1.0 / replications));
    }

    /// <summary>The implausibilities of every design point and the points not ruled out.</summary>
    /// <param name="simulatedMeans">E[f(x)] per point and statistic, [point][statistic].</param>
    /// <param name="modelVariances">Var_model per point and statistic, [point][statistic].</param>
    /// <param name="targets">The observed statistics, in the same order.</param>
    /// <param name="cutoff">The largest implausibility a point may have and stay in.</param>
    public static HistoryMatchResult Match(
        IReadOnlyList<IReadOnlyList<double>> simulatedMeans,
        IReadOnlyList<IReadOnlyList<double>> modelVariances,
        IReadOnlyList<HistoryMatchTarget> targets,
        double cutoff = Cutoff)
    {
        ArgumentNullException.ThrowIfNull(simulatedMeans);
        ArgumentNullException.ThrowIfNull(modelVariances);
        ArgumentNullException.ThrowIfNull(targets);
        if (modelVariances.Count != simulatedMeans.Count)
        {
            throw new ArgumentException($"{simulatedMeans.Count} points of means but {modelVariances.Count} of variances.", nameof(modelVariances));
        }

        var implausibility = new double[simulatedMeans.Count][];
        var maximum = new double[simulatedMeans.Count];
        var kept = new List<int>();
        for (var p = 0; p < simulatedMeans.Count; p++)
        {
            if (simulatedMeans[p].Count != targets.Count || modelVariances[p].Count != targets.Count)
            {
                throw new ArgumentException($"Point {p} has {simulatedMeans[p].Count} means and {modelVariances[p].Count} variances for {targets.Count} observed statistics.", nameof(simulatedMeans));
            }

            implausibility[p] = new double[targets.Count];
            for (var s = 0; s < targets.Count; s++)
            {
                var t = targets[s];
                implausibility[p][s] = Implausibility(t.Observed, simulatedMeans[p][s], t.ObservationVariance, modelVariances[p][s], t.DiscrepancyVariance);
            }

            maximum[p] = targets.Count == 0 ? 0 : implausibility[p].Max();
            if (maximum[p] <= cutoff)
            {
                kept.Add(p);
            }
        }

        return new HistoryMatchResult(implausibility, maximum, kept, cutoff);
    }
}
