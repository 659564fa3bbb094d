using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Tests.Sensitivity;

public sealed class RobustnessTests
{
    [Fact]
    public void WinShare_CountsStrictWins_LeavesOutUndefinedPoints_WithTheWilsonInterval()
    {
        // Differences variant - baseline: -1, -2, 0, 3, NaN, -0.5. Lower is better: wins -1, -2, -0.5;
        // the tie 0 is no win; NaN is left out. 3 of 5. Wilson by hand (z = 1.96, z^2/n = 0.76829):
        // centre 0.6 + 0.38415 = 0.98415, spread 1.96 sqrt(0.048 + 0.038415) = 0.57616, divided by
        // 1.76829: [0.2307, 0.8824].
        double[] differences = [-1, -2, 0, 3, double.NaN, -0.5];

        var lower = Robustness.Of(differences, lowerIsBetter: true);

        lower.Wins.Should().Be(3);
        lower.Points.Should().Be(5);
        lower.Undefined.Should().Be(1);
        lower.Share.Should().Be(0.6);
        lower.Low.Should().BeApproximately(0.2307, 1e-4);
        lower.High.Should().BeApproximately(0.8824, 1e-4);

        var higher = Robustness.Of(differences, lowerIsBetter: false);
        higher.Wins.Should().Be(1);
        higher.Share.Should().Be(0.2);
    }

    [Fact]
    public void NoDefinedPoint_GivesNoShare()
    {
        var share = Robustness.Of([double.NaN, double.NaN], lowerIsBetter: true);

        share.Points.Should().Be(0);
        share.Undefined.Should().Be(2);
        double.IsNaN(share.Share).Should().BeTrue();
    }

    [Fact]
    public void WilsonInterval_IsSymmetricInSuccessesAndFailures_AndStaysInZeroOne()
    {
        // 5 of 10 by hand: centre 0.5 + 3.8415/20 = 0.69207, spread 1.96 sqrt(0.025 + 0.0096) = 0.36458,
        // scale 1.38415: [0.2366, 0.7634].
        var (low, high) = Proportion.Wilson(5, 10);
        low.Should().BeApproximately(0.2366, 1e-4);
        high.Should().BeApproximately(0.7634, 1e-4);

        for (var s = 0; s <= 12; s++)
        {
            var (l, h) = Proportion.Wilson(s, 12);
            var (mirrorLow, mirrorHigh) = Proportion.Wilson(12 - s, 12);
            l.Should().BeApproximately(1 - mirrorHigh, 1e-12);
            h.Should().BeApproximately(1 - mirrorLow, 1e-12);
            l.Should().BeInRange(0, s / 12.0);
            h.Should().BeInRange(s / 12.0, 1);
        }

        Proportion.Wilson(0, 7).Low.Should().Be(0);
        Proportion.WilsonUpper(3, 9).Should().Be(Proportion.Wilson(3, 9).High);
    }
}
