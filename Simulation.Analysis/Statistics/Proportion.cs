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
    public static double WilsonUpper(long successes, long trials, double z = Z95) => Wilson(successes, trials, z).High;

    /// <summary>
    /// The Wilson score interval for a proportion (Wilson, "Probable inference, the law of
    /// succession, and statistical inference", JASA 22, 1927; recommended over the normal
    /// approximation by Brown, Cai and DasGupta, Statistical Science 16, 2001): the p whose
    /// score test at level z does not reject successes of trials, clipped to [0, 1].
    /// </summary>
    public static (double Low, double High) Wilson(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var spread = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var scale = 1 + (z2 / n);

        // At 0 of n the lower bound is 0 exactly (and at n of n the upper one is 1), not a rounding error away.
        var low = successes == 0 ? 0 : Math.Max(0, (centre - spread) / scale);
        var high = successes == trials ? 1 : Math.Min(1, (centre + spread) / scale);
        return (low, high);
    }
}
