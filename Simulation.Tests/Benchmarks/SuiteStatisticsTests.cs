using IsdnSim.Presentation.Benchmarks;

namespace IsdnSim.Tests.Benchmarks;

/// <summary>The arithmetic of the benchmark suite: the spread of process runs and the fitted scaling exponent.</summary>
public sealed class SuiteStatisticsTests
{
    [Fact]
    public void Spread_OfAnOddCount_IsSmallestMiddleLargest()
    {
        Spread.Of([0.3, 0.1, 0.5, 0.2, 0.4]).Should().Be(new Spread(0.1, 0.3, 0.5));
    }

    [Fact]
    public void Spread_OfAnEvenCount_HasTheMeanOfTheTwoMiddleValuesAsMedian()
    {
        Spread.Of([4.0, 1.0, 3.0, 2.0]).Should().Be(new Spread(1.0, 2.5, 4.0));
    }

    [Fact]
    public void Spread_OfOneValue_IsThatValueThrice()
    {
        Spread.Of([7.0]).Should().Be(new Spread(7.0, 7.0, 7.0));
    }

    [Fact]
    public void Spread_OfNothing_IsAnError()
    {
        var act = () => Spread.Of([]);
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Exponent_OfExactPowerLaw_IsItsPower(double power)
    {
        // t = c * n^power at 1x, 4x and 16x, as the scaling series measures.
        var points = new[] { 100.0, 400.0, 1600.0 }.Select(n => (n, 0.003 * Math.Pow(n, power))).ToList();

        ScalingFit.Exponent(points).Should().BeApproximately(power, 1e-12);
    }

    [Fact]
    public void Exponent_IsTheLeastSquaresSlopeOfLogTimeOnLogSize()
    {
        // log2 sizes 0, 2, 4 and log2 times 0, 3, 4: slope = sum(dx*dy)/sum(dx^2) = (-2*-7/3 + 0 + 2*5/3) / 8 = 1.
        var points = new List<(double, double)> { (1, 1), (4, 8), (16, 16) };

        ScalingFit.Exponent(points).Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Exponent_WithoutTwoDistinctSizes_IsNull()
    {
        ScalingFit.Exponent([(4.0, 1.0), (4.0, 2.0)]).Should().BeNull();
        ScalingFit.Exponent([(4.0, 1.0)]).Should().BeNull();
        ScalingFit.Exponent([(1.0, 1.0), (4.0, 0.0)]).Should().BeNull();
    }

    [Fact]
    public void Target_IsMetByTheMedianOnItsSide()
    {
        new SuiteTarget(TargetBound.AtMost, 0.25).MetBy(0.25).Should().BeTrue();
        new SuiteTarget(TargetBound.AtMost, 0.25).MetBy(0.26).Should().BeFalse();
        new SuiteTarget(TargetBound.AtLeast, 0.8).MetBy(0.8).Should().BeTrue();
        new SuiteTarget(TargetBound.AtLeast, 0.8).MetBy(0.79).Should().BeFalse();
    }

    [Fact]
    public void BenchLine_GivesTheNumbersOfTheLastLine()
    {
        var output = "a table\nbench: engine=inprocess runs=5 median_s=0.512 best_s=0.440 events=2000696 peak_mib=433 compile_s=0.031\n";

        var figures = BenchLine.Parse(output);

        figures.Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["runs"] = 5, ["median_s"] = 0.512, ["best_s"] = 0.440, ["events"] = 2000696, ["peak_mib"] = 433, ["compile_s"] = 0.031,
        });
        BenchLine.Parse("no such line\n").Should().BeNull();
    }
}
