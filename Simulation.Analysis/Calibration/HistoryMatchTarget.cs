namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// An observed statistic as history matching sees it: the observed value z, the variance of the
/// observation error (how far the figure may be from the truth it reports) and the variance of
/// the model discrepancy (how far even the best parameter values may leave the model from
/// reality). Both variances are judgements to be stated with their reasons, not fitted.
/// </summary>
public sealed record HistoryMatchTarget
{
    public HistoryMatchTarget(double observed, double observationVariance, double discrepancyVariance)
    {
        if (!double.IsFinite(observed))
        {
            throw new ArgumentOutOfRangeException(nameof(observed), observed, "An observed value must be a finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(observationVariance);
        ArgumentOutOfRangeException.ThrowIfNegative(discrepancyVariance);
        Observed = observed;
        ObservationVariance = observationVariance;
        DiscrepancyVariance = discrepancyVariance;
    }

    public double Observed { get; }

    public double ObservationVariance { get; }

    public double DiscrepancyVariance { get; }
}
