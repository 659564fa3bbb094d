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

        var (lo, hi, fraction) = Position(sorted.Count, p);
        return Interpolate(sorted[lo], sorted[hi], fraction);
    }

    /// <summary>The order statistics (0-based) the p-quantile of <paramref name="count"/> sorted values lies between, and how far between.</summary>
    public static (int Lower, int Upper, double Fraction) Position(int count, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var h = (count - 1) * p;
        var lo = (int)Math.Floor(h);
        return (lo, Math.Min(lo + 1, count - 1), h - lo);
    }

    public static double Interpolate(double lower, double upper, double fraction) => lower + fraction * (upper - lower);
}
