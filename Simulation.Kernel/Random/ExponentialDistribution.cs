using System.Globalization;

namespace IsdnSim.Kernel.Random;

public sealed class ExponentialDistribution : Distribution
{
    public ExponentialDistribution(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        Mean = mean;
    }

    public override double Mean { get; }

    public override double Sample(ref RandomStream stream) => -Mean * Math.Log(stream.NextOpenDouble());

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"exponential(mean {Mean})");
}
