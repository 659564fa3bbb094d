namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// Approximate Bayesian computation by rejection (Pritchard et al., Mol. Biol. Evol. 16, 1999;
/// Beaumont, Zhang and Balding, Genetics 162, 2002): parameter values drawn from the prior (the
/// points of a design), each run through the model; the points whose simulated statistics lie
/// closest to the observed ones are kept as a sample of the approximate posterior. The distance
/// of a point is D = sum over statistics s of ((simulated_s - observed_s) / scale_s)^2
/// (<see cref="AbcTarget"/>). A point with a statistic that is not a number has distance +infinity
/// and is never accepted. As the tolerance goes to 0 (and the design grows), the accepted sample
/// approaches the exact posterior given the statistics.
/// </summary>
public static class RejectionAbc
{
    /// <summary>The distance of one point's simulated statistics from the targets.</summary>
    public static double Distance(IReadOnlyList<double> simulated, IReadOnlyList<AbcTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(targets);
        if (simulated.Count != targets.Count)
        {
            throw new ArgumentException($"{targets.Count} observed statistics, but {simulated.Count} simulated ones.", nameof(simulated));
        }

        var distance = 0.0;
        for (var s = 0; s < targets.Count; s++)
        {
            var z = (simulated[s] - targets[s].Observed) / targets[s].Scale;
            distance += z * z;
        }

        return double.IsNaN(distance) ? double.PositiveInfinity : distance;
    }

    /// <summary>The distance of every design point, simulated[point][statistic].</summary>
    public static double[] Distances(IReadOnlyList<IReadOnlyList<double>> simulated, IReadOnlyList<AbcTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        var distances = new double[simulated.Count];
        for (var p = 0; p < distances.Length; p++)
        {
            distances[p] = Distance(simulated[p], targets);
        }

        return distances;
    }

    /// <summary>
    /// Accepts the ceiling of <paramref name="fraction"/> times the number of points, closest
    /// first (the usual rule: the tolerance is the distance's quantile, so the size of the
    /// posterior sample, and with it the Monte Carlo error of its summaries, is known in advance).
    /// Fewer when fewer points have a finite distance.
    /// </summary>
    public static AbcResult AcceptClosest(IReadOnlyList<double> distances, double fraction)
    {
        ArgumentNullException.ThrowIfNull(distances);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The accepted fraction must lie in (0, 1].");
        }

        var count = (int)Math.Ceiling(fraction * distances.Count);
        return Accept(distances, Ranked(distances).Take(count).ToArray());
    }

    /// <summary>Accepts every point with distance at most <paramref name="tolerance"/> (on the scale of D, a sum of squares).</summary>
    public static AbcResult AcceptWithin(IReadOnlyList<double> distances, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        return Accept(distances, Ranked(distances).TakeWhile(p => distances[p] <= tolerance).ToArray());
    }

    /// <summary>The points with a finite distance, closest first, equal distances by index.</summary>
    private static int[] Ranked(IReadOnlyList<double> distances)
    {
        var ranked = Enumerable.Range(0, distances.Count).Where(p => double.IsFinite(distances[p])).ToArray();
        var keys = ranked.Select(p => distances[p]).ToArray();
        Array.Sort(keys, ranked);

        // Array.Sort is not stable: put each run of equal distances back in index order.
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(ranked, start, end - start);
            }

            start = end;
        }

        return ranked;
    }

    private static AbcResult Accept(IReadOnlyList<double> distances, int[] accepted) =>
        new([.. distances], accepted, accepted.Length == 0 ? double.NaN : distances[accepted[^1]]);
}
