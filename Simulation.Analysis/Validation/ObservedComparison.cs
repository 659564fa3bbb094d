using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Validation;

/// <summary>
/// One observation against the model: the simulated statistic as the mean over replications of
/// each replication's value with its 95 % Student-t interval (<see cref="Simulated"/>, over the
/// <see cref="Simulated"/>.N replications that had something to measure, of
/// <see cref="Replications"/>), and the counts behind it summed over all replications.
/// </summary>
public sealed record ObservedComparison(ObservedTarget Target, Estimate Simulated, int Replications, long Counted, long Arrived, long ArrivedAndFinished)
{
    public ObservedRow Row => Target.Row;

    /// <summary>Replications with a value; the others had no project to measure and are left out of the mean (and said so).</summary>
    public int WithValue => Simulated.N;

    /// <summary>
    /// Of the projects arrived (after the warm-up; for a share finished by a date, all obliged),
    /// the share finished by the horizon, pooled over replications; NaN without arrivals. Lead
    /// times describe only this share: well below 1, they are too short.
    /// </summary>
    public double FinishedShare => Arrived > 0 ? (double)ArrivedAndFinished / Arrived : double.NaN;

    public ObservedPosition Position
    {
        get
        {
            if (Simulated.N == 0)
            {
                return ObservedPosition.NoValue;
            }

            var observed = Row.Value;
            var (low, high) = (Simulated.Low ?? Simulated.Mean, Simulated.High ?? Simulated.Mean);
            return observed > high ? ObservedPosition.Above : observed < low ? ObservedPosition.Below : ObservedPosition.Inside;
        }
    }

    public ModelPace Pace => Position switch
    {
        ObservedPosition.NoValue => ModelPace.None,
        ObservedPosition.Inside => ModelPace.Consistent,

        // A lead time observed above the model's: the model is faster; a share observed above: slower.
        ObservedPosition.Above => Row.Statistic.HigherIsFaster ? ModelPace.Slower : ModelPace.Faster,
        _ => Row.Statistic.HigherIsFaster ? ModelPace.Faster : ModelPace.Slower,
    };
}
