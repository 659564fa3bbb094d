namespace IsdnSim.Analysis.Statistics;

public static class Quantiles
{
    /// <summary>
    /// The p-quantile of sorted values by linear interpolation between order statistics
    /// (Hyndman and Fan type 7, the default of R and NumPy).
    /// </summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
