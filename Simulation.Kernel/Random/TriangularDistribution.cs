using System.Globalization;

namespace IsdnSim.Kernel.Random;

public sealed class TriangularDistribution : Distribution
{
    public TriangularDistribution(double min, double mode, double max)
    {
        if (!(min <= mode && mode <= max && min < max))
        {
            throw new ArgumentException("A triangular distribution needs min <= mode <= max and min < max.");
        }

        Min = min;
        Mode = mode;
        Max = max;
    }

    public double Min { get; }

    public double Mode { get; }

    public double Max { get; }

    public override double Mean => (Min + Mode + Max) / 3;

    public override double Sample(ref RandomStream stream)
    {
        var u = stream.NextDouble();
        var split = (Mode - Min) / (Max - Min);
        return u < split
            ? Min + Math.Sqrt(u * (Max - Min) * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * (Max - Min) * (Max - Mode));
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"triangular(min {Min}, mode {Mode}, max {Max})");
}
