using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// How robust a variant's advantage is across the uncertain parameters: from the paired
/// difference variant - baseline at each design point (each a plausible world, run with common
/// random numbers), the share of points where the variant is better, with a Wilson score interval
/// (<see cref="Proportion.Wilson"/>). A tie is not a win. The interval treats the design points as
/// independent draws from the parameter distribution, and each point's sign as known; where a
/// difference is within its own replication noise, the sign at that point is itself uncertain,
/// which the interval does not include. It says how sure the share is, not how large the
/// advantage is.
/// </summary>
public static class Robustness
{
    /// <param name="differences">Variant minus baseline at each design point; NaN where undefined (those points are left out and counted).</param>
    /// <param name="lowerIsBetter">True for figures such as lead times, where the variant wins with a negative difference.</param>
    /// <param name="z">The z-value of the interval (two-sided 95 % by default).</param>
    public static WinShare Of(IReadOnlyList<double> differences, bool lowerIsBetter, double z = Proportion.Z95)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var wins = 0;
        var points = 0;
        var undefined = 0;
        foreach (var d in differences)
        {
            if (double.IsNaN(d))
            {
                undefined++;
                continue;
            }

            points++;
            if (lowerIsBetter ? d < 0 : d > 0)
            {
                wins++;
            }
        }

        if (points == 0)
        {
            return new WinShare(0, 0, undefined, double.NaN, double.NaN, double.NaN);
        }

        var (low, high) = Proportion.Wilson(wins, points, z);
        return new WinShare(wins, points, undefined, wins / (double)points, low, high);
    }
}
