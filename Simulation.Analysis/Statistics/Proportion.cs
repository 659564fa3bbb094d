namespace IsdnSim.Analysis.Statistics;

/// <summary>Confidence bounds for a proportion (successes of trials).</summary>
public static class Proportion
{
    /// <summary>The z-value of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The upper bound of the Wilson score interval (two-sided 95 % by default). Unlike the normal
    /// approximation it is sensible at 0 of n and for small n: 0 of 11 gives 0.26, 0 of 1 gives 0.79.
    /// </summary>
    public static double WilsonUpper(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return Math.Min(1, (centre + spread) / (1 + (z2 / n)));
    }
}
