namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// An observed statistic as approximate Bayesian computation measures a simulated one against it:
/// the observed value and the scale by which a difference counts (a difference of one scale adds
/// 1 to the distance). The scale makes statistics in different units comparable: the stated
/// uncertainty of the observation where there is one, else the observed value itself, which
/// makes the term a relative difference (see docs/uncertainty.md, Methods).
/// </summary>
public sealed record AbcTarget
{
    public AbcTarget(double observed, double scale)
    {
        if (!double.IsFinite(observed))
        {
            throw new ArgumentOutOfRangeException(nameof(observed), observed, "An observed value must be a finite number.");
        }

        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale of an observed statistic must be a positive number.");
        }

        Observed = observed;
        Scale = scale;
    }

    public double Observed { get; }

    public double Scale { get; }
}
