using IsdnSim.Kernel.Random;
using StableHash = IsdnSim.Kernel.Random.StableHash;

namespace IsdnSim.Tests.TimeAndRandom;

/// <summary>
/// Sample means against the distributions' means, within 4.5 standard errors (a false alarm
/// about once in 150,000), and the variances the parameters imply.
/// </summary>
public sealed class DistributionTests
{
    private const int N = 200_000;

    public static TheoryData<string, Distribution, double, double> Cases => new()
    {
        // name, distribution, mean, variance
        { "exponential", new ExponentialDistribution(2.5), 2.5, 2.5 * 2.5 },
        { "lognormal", new LognormalDistribution(20, 10), 20, 100 },
        { "triangular", new TriangularDistribution(1, 2, 6), 3, (1 + 4 + 36 - 2 - 6 - 12) / 18.0 },
        { "uniform", new UniformDistribution(4, 10), 7, 36 / 12.0 },
        { "empirical", new EmpiricalDistribution([1, 2, 3, 10]), 4, (9 + 4 + 1 + 36) / 4.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SampleMeanAndVariance_MatchTheParameters(string name, Distribution distribution, double mean, double variance)
    {
        var stream = RandomStream.FromKey(StableHash.Of(name));
        var samples = new double[N];
        for (var i = 0; i < N; i++)
        {
            samples[i] = distribution.Sample(ref stream);
        }

        distribution.Mean.Should().BeApproximately(mean, 1e-12);
        var sampleMean = samples.Average();
        sampleMean.Should().BeApproximately(mean, 4.5 * Math.Sqrt(variance / N), name);
        var sampleVariance = samples.Sum(x => (x - sampleMean) * (x - sampleMean)) / (N - 1);
        sampleVariance.Should().BeApproximately(variance, 0.05 * variance, name);
        samples.Should().OnlyContain(x => x >= 0);
    }

    [Fact]
    public void Constant_IsConstant()
    {
        var stream = RandomStream.FromKey(1);
        new ConstantDistribution(3.25).Sample(ref stream).Should().Be(3.25);
    }
}
