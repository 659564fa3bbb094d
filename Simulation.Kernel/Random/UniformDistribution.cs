using System.Globalization;

namespace IsdnSim.Kernel.Random;

public sealed class UniformDistribution : Distribution
{
    public UniformDistribution(double min, double max)
    {
        if (!(min < max))
        {
            throw new ArgumentException("A uniform distribution needs min < max.");
        }

        Min = min;
        Max = max;
    }

    public double Min { get; }

    public double Max { get; }

    public override double Mean => (Min + Max) / 2;

    public override double Sample(ref RandomStream stream) => Min + (Max - Min) * stream.NextDouble();

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"uniform(min {Min}, max {Max})");
}
