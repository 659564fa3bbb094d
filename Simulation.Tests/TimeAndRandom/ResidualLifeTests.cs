using IsdnSim.Kernel.Random;
using StableHash = IsdnSim.Kernel.Random.StableHash;

namespace IsdnSim.Tests.TimeAndRandom;

/// <summary>
/// The time left of a spell under way at a random moment (renewal theory's equilibrium
/// distribution, density (1 - F(x)) / E[X]) has mean E[X²] / (2 E[X]) and second moment
/// E[X³] / (3 E[X]). Sample means within 4.5 standard errors of the first, from the moments of
/// each distribution (a false alarm about once in 150,000).
/// </summary>
public sealed class ResidualLifeTests
{
    private const int N = 200_000;

    public static TheoryData<string, Distribution> Cases => new()
    {
        { "constant", new ConstantDistribution(7) },
        { "exponential", new ExponentialDistribution(2.5) },
        { "lognormal", new LognormalDistribution(20, 10) },
        { "triangular", new TriangularDistribution(1, 2, 6) },
        { "uniform", new UniformDistribution(4, 10) },
        { "empirical", new EmpiricalDistribution([1, 2, 3, 10]) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheTimeLeft_HasTheMeanOfRenewalTheory(string name, Distribution length)
    {
        var (m1, m2, m3) = (Moment(length, 1), Moment(length, 2), Moment(length, 3));
        var mean = m2 / (2 * m1);
        var variance = m3 / (3 * m1) - mean * mean;
        var stream = RandomStream.FromKey(StableHash.Of("residual " + name));

        var samples = Enumerable.Range(0, N).Select(_ => ResidualLife.Sample(length, ref stream)).ToList();

        samples.Average().Should().BeApproximately(mean, 4.5 * Math.Sqrt(variance / N), name);
        samples.Should().OnlyContain(x => x >= 0);
    }

    [Fact]
    public void TheTimeLeft_OfAConstantSpell_IsUniformUpToIt()
    {
        var stream = RandomStream.FromKey(1);
        var samples = Enumerable.Range(0, N).Select(_ => ResidualLife.Sample(new ConstantDistribution(7), ref stream)).ToList();

        samples.Should().OnlyContain(x => x >= 0 && x < 7);
        samples.Count(x => x < 3.5).Should().BeCloseTo(N / 2, (uint)(4.5 * Math.Sqrt(N * 0.25)));
    }

    /// <summary>E[X^k], in closed form where there is one, else by Simpson's rule on the density.</summary>
    private static double Moment(Distribution d, int k) => d switch
    {
        ConstantDistribution c => Math.Pow(c.Value, k),
        ExponentialDistribution e => Factorial(k) * Math.Pow(e.Mean, k),
        LognormalDistribution l => Lognormal(l, k),
        UniformDistribution u => (Math.Pow(u.Max, k + 1) - Math.Pow(u.Min, k + 1)) / ((k + 1) * (u.Max - u.Min)),
        TriangularDistribution t => Simpson(x => Math.Pow(x, k) * Triangle(t, x), t.Min, t.Max),
        EmpiricalDistribution e => e.Values.Average(v => Math.Pow(v, k)),
        _ => throw new ArgumentException(d.Describe()),
    };

    private static double Lognormal(LognormalDistribution l, int k)
    {
        var variance = Math.Log(1 + l.StandardDeviation * l.StandardDeviation / (l.Mean * l.Mean));
        var mu = Math.Log(l.Mean) - variance / 2;
        return Math.Exp(k * mu + k * k * variance / 2);
    }

    private static double Triangle(TriangularDistribution t, double x) =>
        x < t.Mode ? 2 * (x - t.Min) / ((t.Max - t.Min) * (t.Mode - t.Min)) : 2 * (t.Max - x) / ((t.Max - t.Min) * (t.Max - t.Mode));

    private static double Simpson(Func<double, double> f, double a, double b)
    {
        const int n = 10_000;
        var h = (b - a) / n;
        var sum = f(a) + f(b);
        for (var i = 1; i < n; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * f(a + i * h);
        }

        return sum * h / 3;
    }

    private static double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);
}
