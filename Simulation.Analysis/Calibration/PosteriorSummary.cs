using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// One parameter's (0-based) posterior as a sample describes it: the number of accepted values,
/// their mean, median and 5th and 95th percentiles (type 7 quantiles, <see cref="Quantiles.OfSorted"/>),
/// so [P5, P95] is a 90 % credible interval.
/// </summary>
public sealed record PosteriorSummary(int Parameter, int Accepted, double Mean, double Median, double P5, double P95)
{
    /// <summary>The summary of the values of one parameter over the accepted points; NaN figures when none.</summary>
    public static PosteriorSummary Of(int parameter, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new PosteriorSummary(parameter, 0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new PosteriorSummary(parameter, sorted.Length, sorted.Average(), Quantiles.OfSorted(sorted, 0.5), Quantiles.OfSorted(sorted, 0.05), Quantiles.OfSorted(sorted, 0.95));
    }
}
