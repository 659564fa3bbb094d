namespace IsdnSim.Presentation.Benchmarks;

/// <summary>How time grows with size: the exponent b of t = c * n^b, fitted by least squares to log t on log n.</summary>
public static class ScalingFit
{
    /// <summary>
    /// The fitted exponent (1.0: linear, 2.0: quadratic), or null when fewer than two distinct
    /// sizes are given or a size or time is not positive.
    /// </summary>
    public static double? Exponent(IReadOnlyList<(double Size, double Seconds)> points)
    {
        if (points.Any(p => p.Size <= 0 || p.Seconds <= 0) || points.Select(p => p.Size).Distinct().Count() < 2)
        {
            return null;
        }

        var xs = points.Select(p => Math.Log(p.Size)).ToArray();
        var ys = points.Select(p => Math.Log(p.Seconds)).ToArray();
        var (meanX, meanY) = (xs.Average(), ys.Average());
        var covariance = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum();
        var variance = xs.Sum(x => (x - meanX) * (x - meanX));
        return covariance / variance;
    }
}
