using IsdnSim.Kernel.Random;

namespace IsdnSim.Analysis.Statistics;

/// <summary>
/// The nonparametric bootstrap (Efron and Tibshirani, An Introduction to the Bootstrap, 1993):
/// resample the n independent rows of a design with replacement, recompute the estimate on each
/// resample, and take the percentile interval, the (1 - level)/2 and (1 + level)/2 quantiles of
/// the recomputed estimates (their chapter 13). Resample b draws from its own stream
/// (<see cref="StreamKeys.Bootstrap"/>), so it is the same whatever is estimated from it.
/// </summary>
public static class Bootstrap
{
    /// <summary>Fills <paramref name="rows"/> with the rows of resample <paramref name="resample"/>: rows.Length draws from 0..rows.Length-1.</summary>
    public static void Resample(ulong seed, int resample, int[] rows)
    {
        var stream = RandomStream.FromKey(StreamKeys.Bootstrap(seed, resample));
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = stream.NextInt(rows.Length);
        }
    }

    /// <summary>
    /// The percentile interval of bootstrap replicates at <paramref name="level"/> (type 7
    /// quantiles, <see cref="Quantiles.OfSorted"/>). Non-finite replicates (a resample on which the
    /// estimate is undefined) are left out; with fewer than two finite ones the bounds are NaN.
    /// </summary>
    public static (double Low, double High) PercentileInterval(IEnumerable<double> replicates, double level)
    {
        var sorted = replicates.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length < 2)
        {
            return (double.NaN, double.NaN);
        }

        var tail = (1 - level) / 2;
        return (Quantiles.OfSorted(sorted, tail), Quantiles.OfSorted(sorted, 1 - tail));
    }
}
