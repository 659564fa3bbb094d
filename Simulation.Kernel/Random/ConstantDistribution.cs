using System.Globalization;

namespace IsdnSim.Kernel.Random;

public sealed class ConstantDistribution(double value) : Distribution
{
    public double Value { get; } = value;

    public override double Mean => Value;

    public override double Sample(ref RandomStream stream) => Value;

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant({Value})");
}
