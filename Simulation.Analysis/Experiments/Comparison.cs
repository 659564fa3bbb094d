using IsdnSim.Analysis.Statistics;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A variant against the baseline on one metric: the mean of the paired differences (variant
/// minus baseline, replication by replication, so common random numbers cancel what the two
/// share) with its interval, and the interval an unpaired comparison would have given.
/// </summary>
/// <param name="Level">The interval's confidence level: 95 % divided among the comparisons (Bonferroni).</param>
public sealed record Difference(string Cell, int Metric, Estimate Paired, double? UnpairedHalfWidth, double Level)
{
    /// <summary>The interval excludes zero: the variant differs from the baseline on this metric.</summary>
    public bool Significant => Paired.HalfWidth is { } h && Math.Abs(Paired.Mean) > h;

    /// <summary>Replications in which the baseline has a value: the n of its mean beside the difference.</summary>
    public int BaselineN { get; init; }

    /// <summary>Replications in which the variant has a value: the n of its mean beside the difference.</summary>
    public int VariantN { get; init; }

    /// <summary>The baseline's mean over the pairs only (NaN without pairs).</summary>
    public double BaselineMeanOfPairs { get; init; } = double.NaN;

    /// <summary>The variant's mean over the pairs only (NaN without pairs); minus <see cref="BaselineMeanOfPairs"/> it is the paired mean.</summary>
    public double VariantMeanOfPairs { get; init; } = double.NaN;

    /// <summary>
    /// The pairs are exactly the replications of both means beside the difference, so the
    /// difference is the difference of those means. Otherwise (a metric with no value in some
    /// replications of one variant, such as a lead time where nothing finished) it is taken over
    /// the replications both have, and a reader must be told so.
    /// </summary>
    public bool OnTheReplicationsOfTheMeans => Paired.N == BaselineN && Paired.N == VariantN;

    /// <summary>
    /// Paired differences of <paramref name="other"/> against <paramref name="baseline"/>, both in replication
    /// order; replications where either value is undefined are left out of the pair.
    /// </summary>
    public static Difference Of(string cell, int metric, IReadOnlyList<double> baseline, IReadOnlyList<double> other, double level)
    {
        var n = Math.Min(baseline.Count, other.Count);
        var pairs = Enumerable.Range(0, n).Where(i => double.IsFinite(baseline[i]) && double.IsFinite(other[i])).ToList();
        var paired = Estimate.Of([.. pairs.Select(i => other[i] - baseline[i])], level);
        return new Difference(cell, metric, paired, WelchHalfWidth([.. pairs.Select(i => baseline[i])], [.. pairs.Select(i => other[i])], level), level)
        {
            BaselineN = baseline.Count(double.IsFinite),
            VariantN = other.Count(double.IsFinite),
            BaselineMeanOfPairs = pairs.Count == 0 ? double.NaN : pairs.Average(i => baseline[i]),
            VariantMeanOfPairs = pairs.Count == 0 ? double.NaN : pairs.Average(i => other[i]),
        };
    }

    /// <summary>The half-width of Welch's interval for the difference of two independent means, or null with fewer than two values each.</summary>
    public static double? WelchHalfWidth(IReadOnlyList<double> a, IReadOnlyList<double> b, double level)
    {
        if (a.Count < 2 || b.Count < 2)
        {
            return null;
        }

        static double Var(IReadOnlyList<double> x)
        {
            var mean = x.Average();
            return x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1);
        }

        var va = Var(a) / a.Count;
        var vb = Var(b) / b.Count;
        var se = Math.Sqrt(va + vb);
        if (se == 0)
        {
            return 0;
        }

        var df = (va + vb) * (va + vb) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        return StudentT.InvCDF(0, 1, df, 1 - (1 - level) / 2) * se;
    }
}

/// <summary>
/// The outcome of comparing variants: each variant's figures, and each variant against the
/// baseline on every metric. With more than two variants the intervals of the differences are
/// Bonferroni-adjusted per metric (each at 1 - 0.05 / (k - 1)), so that all k - 1 comparisons of
/// a metric hold together with 95 % confidence.
/// </summary>
public sealed record ComparisonResult(
    IReadOnlyList<MetricDefinition> Metrics,
    IReadOnlyList<CellSummary> Cells,
    string Baseline,
    IReadOnlyList<Difference> Differences)
{
    public const double FamilyLevel = 0.95;

    public static ComparisonResult Compute(IReadOnlyList<MetricDefinition> metrics, IReadOnlyList<string> cells, string baseline, IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> digests)
    {
        var summaries = cells.Select(c => CellSummary.Of(c, digests[c])).ToList();
        var level = LevelFor(cells.Count - 1);
        var differences = new List<Difference>();
        foreach (var cell in cells.Where(c => c != baseline))
        {
            for (var m = 0; m < metrics.Count; m++)
            {
                differences.Add(Difference.Of(cell, m, [.. digests[baseline].Select(d => d.Metrics[m])], [.. digests[cell].Select(d => d.Metrics[m])], level));
            }
        }

        return new ComparisonResult(metrics, summaries, baseline, differences);
    }

    /// <summary>The confidence level of each of <paramref name="comparisons"/> intervals so that together they hold at 95 %.</summary>
    public static double LevelFor(int comparisons) => 1 - (1 - FamilyLevel) / Math.Max(1, comparisons);

    public CellSummary Cell(string id) => Cells.Single(c => c.Cell == id);

    public Difference? DifferenceOf(string cell, int metric) => Differences.FirstOrDefault(d => d.Cell == cell && d.Metric == metric);
}
