using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// Sobol' variance-based sensitivity indices (Sobol', Math. Comput. Simul. 55, 2001) from the model
/// outputs at the points of a <see cref="SaltelliDesign"/>, with y_A, y_B and y_AB(i) the outputs
/// at base row j's points of A, B and A_B^(i), and V the variance of the 2N outputs of A and B
/// (divisor 2N):
/// <list type="bullet">
/// <item>first order (Saltelli et al., Comput. Phys. Commun. 181, 2010, Table 2 (b)):
/// S1_i = (1/N) sum_j y_B,j (y_AB(i),j - y_A,j) / V;</item>
/// <item>total (Jansen, Comput. Phys. Commun. 117, 1999; Saltelli et al. 2010, Table 2 (f)):
/// ST_i = (1/(2N)) sum_j (y_A,j - y_AB(i),j)^2 / V.</item>
/// </list>
/// These are SALib's estimators (analyze.sobol). A constant output has no variance to apportion:
/// every index is 0, as in SALib. The intervals are percentile-bootstrap intervals over the N base
/// rows (<see cref="Bootstrap"/>): each resample draws N rows with replacement and recomputes V
/// and every index from them, so the intervals of all parameters come from the same resamples.
/// </summary>
public static class SobolIndices
{
    /// <summary>The indices of every parameter of <paramref name="design"/>, in parameter order.</summary>
    /// <param name="design">The design the outputs were computed at.</param>
    /// <param name="outputs">The model output at each of the design's points, in its point order; all finite.</param>
    /// <param name="bootstrap">Resamples, level and seed of the intervals.</param>
    public static IReadOnlyList<SobolIndex> Estimate(SaltelliDesign design, IReadOnlyList<double> outputs, BootstrapSettings bootstrap)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(bootstrap);
        DesignOutputs.CheckFinite(outputs, design.PointCount, "Saltelli design");

        var n = design.BaseSamples;
        var k = design.Parameters;
        var yA = new double[n];
        var yB = new double[n];
        var yAB = new double[k][];
        for (var i = 0; i < k; i++)
        {
            yAB[i] = new double[n];
        }

        for (var j = 0; j < n; j++)
        {
            yA[j] = outputs[design.IndexOfA(j)];
            yB[j] = outputs[design.IndexOfB(j)];
            for (var i = 0; i < k; i++)
            {
                yAB[i][j] = outputs[design.IndexOfAB(j, i)];
            }
        }

        var (first, total) = Compute(yA, yB, yAB, [.. Enumerable.Range(0, n)]);

        var firstReplicates = new double[k][];
        var totalReplicates = new double[k][];
        for (var i = 0; i < k; i++)
        {
            firstReplicates[i] = new double[bootstrap.Resamples];
            totalReplicates[i] = new double[bootstrap.Resamples];
        }

        var rows = new int[n];
        for (var b = 0; b < bootstrap.Resamples; b++)
        {
            Bootstrap.Resample(bootstrap.Seed, b, rows);
            var (f, t) = Compute(yA, yB, yAB, rows);
            for (var i = 0; i < k; i++)
            {
                firstReplicates[i][b] = f[i];
                totalReplicates[i][b] = t[i];
            }
        }

        var indices = new SobolIndex[k];
        for (var i = 0; i < k; i++)
        {
            var (fLow, fHigh) = Bootstrap.PercentileInterval(firstReplicates[i], bootstrap.Level);
            var (tLow, tHigh) = Bootstrap.PercentileInterval(totalReplicates[i], bootstrap.Level);
            indices[i] = new SobolIndex(i, new IntervalEstimate(first[i], fLow, fHigh), new IntervalEstimate(total[i], tLow, tHigh));
        }

        return indices;
    }

    /// <summary>S1 and ST of every parameter over the given base rows (repeats allowed).</summary>
    private static (double[] First, double[] Total) Compute(double[] yA, double[] yB, double[][] yAB, int[] rows)
    {
        var k = yAB.Length;
        var first = new double[k];
        var total = new double[k];

        var sum = 0.0;
        foreach (var j in rows)
        {
            sum += yA[j] + yB[j];
        }

        var mean = sum / (2.0 * rows.Length);
        var squares = 0.0;
        foreach (var j in rows)
        {
            var da = yA[j] - mean;
            var db = yB[j] - mean;
            squares += (da * da) + (db * db);
        }

        var variance = squares / (2.0 * rows.Length);
        if (variance == 0)
        {
            return (first, total);
        }

        for (var i = 0; i < k; i++)
        {
            var ab = yAB[i];
            var firstSum = 0.0;
            var totalSum = 0.0;
            foreach (var j in rows)
            {
                var change = ab[j] - yA[j];
                firstSum += yB[j] * change;
                totalSum += change * change;
            }

            first[i] = firstSum / rows.Length / variance;
            total[i] = totalSum / (2.0 * rows.Length) / variance;
        }

        return (first, total);
    }
}
