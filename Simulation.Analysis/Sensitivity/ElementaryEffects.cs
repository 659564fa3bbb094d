using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// Morris's elementary effects from the model outputs at the points of a <see cref="MorrisDesign"/>:
/// for the step of trajectory t that moves parameter i, EE_ti = (y(upper point) - y(lower point)) / delta,
/// whichever way the trajectory moved (as SALib's analyze.morris computes them); then mu, mu* and
/// sigma over the r trajectories (<see cref="ElementaryEffectsSummary"/>), with percentile-bootstrap
/// intervals for mu* and sigma that resample whole trajectories (<see cref="Bootstrap"/>).
/// </summary>
public static class ElementaryEffects
{
    /// <summary>The elementary effects, [trajectory][parameter].</summary>
    /// <param name="design">The design the outputs were computed at.</param>
    /// <param name="outputs">The model output at each of the design's points, in its point order; all finite.</param>
    public static double[][] Of(MorrisDesign design, IReadOnlyList<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        DesignOutputs.CheckFinite(outputs, design.PointCount, "Morris design");
        var effects = new double[design.Trajectories][];
        for (var t = 0; t < design.Trajectories; t++)
        {
            effects[t] = new double[design.Parameters];
            var first = t * design.PointsPerTrajectory;
            for (var step = 1; step <= design.Parameters; step++)
            {
                var i = design.ParameterChangedAt(t, step);
                var change = outputs[first + step] - outputs[first + step - 1];
                effects[t][i] = (design.MovesUp(t, i) ? change : -change) / design.Delta;
            }
        }

        return effects;
    }

    /// <summary>mu, mu* and sigma of every parameter of <paramref name="design"/>, in parameter order.</summary>
    public static IReadOnlyList<ElementaryEffectsSummary> Estimate(MorrisDesign design, IReadOnlyList<double> outputs, BootstrapSettings bootstrap)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        var effects = Of(design, outputs);
        var r = design.Trajectories;
        var k = design.Parameters;
        var column = new double[r];
        var resampled = new double[r];
        var rows = new int[r];
        var muStarReplicates = new double[bootstrap.Resamples];
        var sigmaReplicates = new double[bootstrap.Resamples];
        var summaries = new ElementaryEffectsSummary[k];
        for (var i = 0; i < k; i++)
        {
            for (var t = 0; t < r; t++)
            {
                column[t] = effects[t][i];
            }

            for (var b = 0; b < bootstrap.Resamples; b++)
            {
                Bootstrap.Resample(bootstrap.Seed, b, rows);
                for (var t = 0; t < r; t++)
                {
                    resampled[t] = column[rows[t]];
                }

                muStarReplicates[b] = MeanAbsolute(resampled);
                sigmaReplicates[b] = StandardDeviation(resampled);
            }

            var (muStarLow, muStarHigh) = Bootstrap.PercentileInterval(muStarReplicates, bootstrap.Level);
            var (sigmaLow, sigmaHigh) = Bootstrap.PercentileInterval(sigmaReplicates, bootstrap.Level);
            summaries[i] = new ElementaryEffectsSummary(
                i,
                column.Average(),
                new IntervalEstimate(MeanAbsolute(column), muStarLow, muStarHigh),
                new IntervalEstimate(StandardDeviation(column), sigmaLow, sigmaHigh));
        }

        return summaries;
    }

    private static double MeanAbsolute(double[] values) => values.Sum(Math.Abs) / values.Length;

    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
