using System.Globalization;

namespace IsdnSim.Kernel.Random;

/// <summary>Draws one of the observed values, each equally likely (the empirical distribution of a sample).</summary>
public sealed class EmpiricalDistribution : Distribution
{
    private readonly double[] _values;

    public EmpiricalDistribution(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("An empirical distribution needs at least one value.", nameof(values));
        }

        _values = [.. values];
        Mean = _values.Average();
    }

    public IReadOnlyList<double> Values => _values;

    public override double Mean { get; }

    public override double Sample(ref RandomStream stream) => _values[stream.NextInt(_values.Length)];

    public override string Describe() =>
        "empirical(" + string.Join(", ", _values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";
}
