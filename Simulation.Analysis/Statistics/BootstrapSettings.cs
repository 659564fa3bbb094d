namespace IsdnSim.Analysis.Statistics;

/// <summary>
/// How a percentile bootstrap is run: the number of resamples, the confidence level of the
/// interval and the seed its resamples are drawn from (<see cref="Kernel.Random.StreamKeys.Bootstrap"/>).
/// The same settings on the same data give the same interval on every machine.
/// </summary>
public sealed record BootstrapSettings
{
    public BootstrapSettings(int resamples = 1000, double level = 0.95, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }

        Resamples = resamples;
        Level = level;
        Seed = seed;
    }

    /// <summary>1000 resamples for a 95 % interval, seed 1.</summary>
    public static BootstrapSettings Default { get; } = new();

    public int Resamples { get; }

    public double Level { get; }

    public ulong Seed { get; }
}
