namespace IsdnSim.Presentation.Benchmarks;

/// <summary>The smallest, middle and largest of a benchmark's process runs.</summary>
public sealed record Spread(double Min, double Median, double Max)
{
    /// <summary>The spread of <paramref name="values"/>; the median of an even count is the mean of the two middle values.</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("a spread needs at least one value", nameof(values));
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(sorted[0], median, sorted[^1]);
    }
}
