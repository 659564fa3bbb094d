namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// The distribution of an uncertain parameter, with its numbers in the canonical unit of the
/// parameter's kind (<see cref="UncertainQuantity"/>): [low, high] (uniform, loguniform),
/// [low, mode, high] (triangular), or the listed values (discrete, each equally likely).
/// <see cref="InverseCdf"/> maps a point of the unit interval to a value, so a design on the
/// unit hypercube (Sobol', Morris, Latin hypercube) becomes values of the parameters.
/// </summary>
/// <param name="Numbers">The numbers as written, in the canonical unit; for a discrete list of words, NaN.</param>
/// <param name="Written">The values as written in the file, in the same order.</param>
public sealed record UncertainDistribution(UncertainShape Shape, IReadOnlyList<double> Numbers, IReadOnlyList<string> Written)
{
    /// <summary>The smallest value (for a discrete list of words: NaN).</summary>
    public double Low => Shape == UncertainShape.Discrete ? Numbers.Min() : Numbers[0];

    /// <summary>The largest value (for a discrete list of words: NaN).</summary>
    public double High => Shape == UncertainShape.Discrete ? Numbers.Max() : Numbers[^1];

    /// <summary>The most likely value of a triangular distribution.</summary>
    public double Mode => Shape == UncertainShape.Triangular ? Numbers[1] : throw new InvalidOperationException($"a {UncertainShapes.Name(Shape)} distribution has no mode");

    /// <summary>
    /// The value at <paramref name="u"/> of the unit interval, the inverse of the cumulative
    /// distribution function: uniform low + u (high - low); triangular low + sqrt(u (high - low)
    /// (mode - low)) below c = (mode - low) / (high - low), high - sqrt((1 - u) (high - low) (high - mode))
    /// above; loguniform low (high / low)^u; discrete the value at <see cref="Index"/>.
    /// </summary>
    public double InverseCdf(double u)
    {
        CheckUnit(u);
        switch (Shape)
        {
            case UncertainShape.Uniform:
                return u == 1 ? Numbers[1] : Numbers[0] + u * (Numbers[1] - Numbers[0]);
            case UncertainShape.Triangular:
                var (a, c, b) = (Numbers[0], Numbers[1], Numbers[2]);
                var split = (c - a) / (b - a);
                return u <= split
                    ? a + Math.Sqrt(u * (b - a) * (c - a))
                    : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
            case UncertainShape.LogUniform:
                return u == 0 ? Numbers[0] : u == 1 ? Numbers[1] : Math.Exp(Math.Log(Numbers[0]) + u * (Math.Log(Numbers[1]) - Math.Log(Numbers[0])));
            default:
                return Numbers[Index(u)];
        }
    }

    /// <summary>Discrete: which of the k values <paramref name="u"/> falls on, floor(u k), with u = 1 on the last.</summary>
    public int Index(double u)
    {
        CheckUnit(u);
        if (Shape != UncertainShape.Discrete)
        {
            throw new InvalidOperationException($"a {UncertainShapes.Name(Shape)} distribution has no list of values");
        }

        return Math.Min((int)Math.Floor(u * Written.Count), Written.Count - 1);
    }

    private static void CheckUnit(double u)
    {
        if (!(u >= 0 && u <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(u), u, "a point of the unit interval [0, 1] is expected");
        }
    }
}
