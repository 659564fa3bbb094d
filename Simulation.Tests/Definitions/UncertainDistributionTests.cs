using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Tests.Definitions;

/// <summary>
/// The inverse distribution functions that turn a point of the unit interval into a value of an
/// uncertain parameter, against their closed forms: uniform F(x) = (x - a) / (b - a); triangular
/// F(x) = (x - a)² / ((b - a)(c - a)) up to the mode c, 1 - (b - x)² / ((b - a)(b - c)) above;
/// loguniform F(x) = ln(x / a) / ln(b / a); discrete k values, each with probability 1 / k.
/// </summary>
public sealed class UncertainDistributionTests
{
    private static UncertainDistribution Of(UncertainShape shape, params double[] numbers) =>
        new(shape, numbers, [.. numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(0.25, 4.0)]
    [InlineData(0.5, 6.0)]
    [InlineData(1.0, 10.0)]
    public void Uniform_IsLowPlusUTimesTheWidth(double u, double value) =>
        Of(UncertainShape.Uniform, 2, 10).InverseCdf(u).Should().Be(value);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.0625, 0.5)]   // sqrt(0.0625 * 4 * 1)
    [InlineData(0.25, 1.0)]     // F(mode) = (c - a) / (b - a) = 1/4
    [InlineData(0.5, 1.5505102572168221)] // 4 - sqrt(0.5 * 4 * 3) = 4 - sqrt(6)
    [InlineData(1.0, 4.0)]
    public void Triangular_FollowsItsTwoQuadraticPieces(double u, double value) =>
        Of(UncertainShape.Triangular, 0, 1, 4).InverseCdf(u).Should().BeApproximately(value, 1e-12);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 3.1622776601683795)] // 10^(2 u) = sqrt(10)
    [InlineData(0.5, 10.0)]
    [InlineData(1.0, 100.0)]
    public void LogUniform_IsLowTimesTheRatioToTheU(double u, double value) =>
        Of(UncertainShape.LogUniform, 1, 100).InverseCdf(u).Should().BeApproximately(value, 1e-12);

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.3333, 0)]
    [InlineData(0.3334, 1)]
    [InlineData(0.6666, 1)]
    [InlineData(0.6667, 2)]
    [InlineData(1.0, 2)]
    public void Discrete_GivesEachValueAThirdOfTheInterval(double u, int index)
    {
        var d = Of(UncertainShape.Discrete, 7, 3, 5);

        d.Index(u).Should().Be(index);
        d.InverseCdf(u).Should().Be(d.Numbers[index]);
    }

    [Fact]
    public void TheDistributionFunction_UndoesTheInverse_OnAGrid()
    {
        double Uniform(double x) => (x - 2) / 8;
        double Triangular(double x) => x <= 1 ? x * x / 4 : 1 - (4 - x) * (4 - x) / 12;
        double LogUniform(double x) => Math.Log(x) / Math.Log(100);

        foreach (var u in Enumerable.Range(0, 101).Select(i => i / 100.0))
        {
            Uniform(Of(UncertainShape.Uniform, 2, 10).InverseCdf(u)).Should().BeApproximately(u, 1e-12);
            Triangular(Of(UncertainShape.Triangular, 0, 1, 4).InverseCdf(u)).Should().BeApproximately(u, 1e-12);
            LogUniform(Of(UncertainShape.LogUniform, 1, 100).InverseCdf(u)).Should().BeApproximately(u, 1e-12);
        }
    }

    [Fact]
    public void TheMeanOverTheUnitInterval_IsTheDistributionsMean()
    {
        // Midpoint rule with n points: the error of a function with bounded second derivative is
        // O(1/n²); the square-root corners of the triangular at 0 and 1 make it O(n^-1.5), far below 1e-5 at n = 200,000.
        const int n = 200_000;
        double Mean(UncertainDistribution d) => Enumerable.Range(0, n).Sum(i => d.InverseCdf((i + 0.5) / n)) / n;

        Mean(Of(UncertainShape.Uniform, 2, 10)).Should().BeApproximately((2 + 10) / 2.0, 1e-9);
        Mean(Of(UncertainShape.Triangular, 0, 1, 4)).Should().BeApproximately((0 + 1 + 4) / 3.0, 1e-5);
        Mean(Of(UncertainShape.LogUniform, 1, 100)).Should().BeApproximately((100 - 1) / Math.Log(100), 1e-5);
    }

    [Fact]
    public void AWholeNumber_TakesEachWholeValueOfAUniformRange_WithEqualChance()
    {
        var staff = new UncertainParameter("agents.lk.agencies.building.staff", [], Of(UncertainShape.Uniform, 3, 6),
            new UncertainQuantity(QuantityKind.WholeNumber, "", 1), null, true, null, "x.yaml", new SourcePosition(1, 1));

        Enumerable.Range(0, 8).Select(i => staff.At(i / 8.0 + 1 / 16.0).Text).Should().Equal("3", "3", "4", "4", "5", "5", "6", "6");
        staff.At(1).Text.Should().Be("6");
        (staff with { Distribution = Of(UncertainShape.Triangular, 3, 4, 6) }).At(0.25).Text.Should().Be("4", "3 + sqrt(0.25 × 3 × 1) = 3.87 rounds to 4");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void APointOutsideTheUnitInterval_IsRefused(double u) =>
        ((Action)(() => Of(UncertainShape.Uniform, 0, 1).InverseCdf(u))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void EveryShape_HasOneName_ThatParsesBack()
    {
        foreach (var shape in Enum.GetValues<UncertainShape>())
        {
            UncertainShapes.TryParse(UncertainShapes.Name(shape), out var back).Should().BeTrue();
            back.Should().Be(shape);
        }
    }
}
