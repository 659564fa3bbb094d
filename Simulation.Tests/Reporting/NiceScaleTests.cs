using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

public sealed class NiceScaleTests
{
    [Theory]
    [InlineData(0, 100, new[] { 0.0, 20, 40, 60, 80, 100 })]
    [InlineData(3.2, 17.9, new[] { 0.0, 5, 10, 15, 20 })]
    [InlineData(-12.5, 4, new[] { -15.0, -10, -5, 0, 5 })]
    [InlineData(0.1, 0.7, new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 })]
    public void Ticks_AreRoundNumbers_CoveringTheRange(double low, double high, double[] ticks)
    {
        NiceScale.For(low, high).Ticks.Should().Equal(ticks);
    }

    [Fact]
    public void OneValue_GetsARangeAroundIt()
    {
        var scale = NiceScale.For(5, 5);

        scale.Min.Should().BeLessThan(5);
        scale.Max.Should().BeGreaterThan(5);
    }
}
