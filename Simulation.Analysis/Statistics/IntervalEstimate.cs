namespace IsdnSim.Analysis.Statistics;

/// <summary>
/// A point estimate with a confidence interval, as the result files write it (value, ci_low,
/// ci_high). The bounds are NaN where there is no interval (too few rows to resample, or an
/// estimate that is itself undefined).
/// </summary>
public readonly record struct IntervalEstimate(double Value, double Low, double High)
{
    /// <summary>Whether <paramref name="x"/> lies in the closed interval [Low, High].</summary>
    public bool Contains(double x) => x >= Low && x <= High;
}
