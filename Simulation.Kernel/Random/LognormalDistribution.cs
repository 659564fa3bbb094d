using System.Globalization;

namespace IsdnSim.Kernel.Random;

/// <summary>
/// Lognormal given by the mean and standard deviation of the values themselves (what a
/// calibration source reports), not of their logarithm.
/// </summary>
public sealed class LognormalDistribution : Distribution
{
    private readonly double _mu;
    private readonly double _sigma;

    public LognormalDistribution(double mean, double standardDeviation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        Mean = mean;
        StandardDeviation = standardDeviation;
        var variance = Math.Log(1 + standardDeviation * standardDeviation / (mean * mean));
        _sigma = Math.Sqrt(variance);
        _mu = Math.Log(mean) - variance / 2;
    }

    public override double Mean { get; }

    public double StandardDeviation { get; }

    public override double Sample(ref RandomStream stream)
    {
        // Box-Muller, one normal per pair of uniforms, so a sample always uses exactly two draws.
        var u1 = stream.NextOpenDouble();
        var u2 = stream.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Exp(_mu + _sigma * z);
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"lognormal(mean {Mean}, sd {StandardDeviation})");
}
