using IsdnSim.Analysis.Calibration;
using IsdnSim.Kernel.Random;
using StableHash = IsdnSim.Kernel.Random.StableHash;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Tests.Calibration;

public sealed class RejectionAbcTests
{
    [Fact]
    public void Distance_IsTheSumOfScaledSquaredDifferences_AndUndefinedIsNeverAccepted()
    {
        // Targets 10 (scale 2) and 0.5 (scale 0.5). Point 0: (12, 0.5) -> 1 + 0 = 1. Point 1: (10, 1.5)
        // -> 0 + 4 = 4. Point 2: (9, 0.25) -> 0.25 + 0.25 = 0.5. Point 3: a statistic is NaN -> infinity.
        // Point 4: (8, 0.5) -> 1, as far as point 0; the earlier point ranks first.
        AbcTarget[] targets = [new(10, 2), new(0.5, 0.5)];
        double[][] simulated = [[12, 0.5], [10, 1.5], [9, 0.25], [double.NaN, 0.5], [8, 0.5]];

        var distances = RejectionAbc.Distances(simulated, targets);
        distances.Should().Equal(1, 4, 0.5, double.PositiveInfinity, 1);

        var closest = RejectionAbc.AcceptClosest(distances, 0.4);
        closest.Accepted.Should().Equal(2, 0);
        closest.Threshold.Should().Be(1);

        RejectionAbc.AcceptWithin(distances, 1).Accepted.Should().Equal(2, 0, 4);
        RejectionAbc.AcceptClosest(distances, 1).Accepted.Should().Equal(2, 0, 4, 1);
        RejectionAbc.AcceptWithin(distances, 0.1).Accepted.Should().BeEmpty();
        double.IsNaN(RejectionAbc.AcceptWithin(distances, 0.1).Threshold).Should().BeTrue();
    }

    [Fact]
    public void Summary_IsMedianAndFifthAndNinetyFifthPercentiles_OfTheAcceptedValues()
    {
        // Accepted points 2, 0, 4 with parameter values 3, 1, 5 (and 100 at a rejected point).
        // Sorted 1, 3, 5: median 3; p5 by type 7: 1 + 0.1 * (3 - 1) = 1.2; p95: 3 + 0.9 * 2 = 4.8.
        var result = RejectionAbc.AcceptWithin([1, 4, 0.5, 9, 1], 1);
        double[][] parameters = [[1], [100], [3], [100], [5]];

        var summary = result.Summarise(parameters).Single();

        summary.Should().Be(new PosteriorSummary(0, 3, 3, 3, 1.2, 4.8));
    }

    [Fact]
    public void NormalMean_WithNormalPrior_TheAbcPosteriorApproachesTheExactOne()
    {
        // Conjugate model: theta ~ N(mu0 = 0, tau0 = 2); ten observations x_i ~ N(theta, sigma = 1), of
        // which the mean is sufficient: xbar ~ N(theta, sigma^2 / n = 0.1). Observed xbar = 1.3.
        // Exact posterior: precision 1/4 + 10 = 10.25, variance tau^2 = 1/10.25, mean tau^2 * 10 * 1.3.
        const double observed = 1.3;
        const double priorSd = 2;
        var likelihoodSd = Math.Sqrt(0.1);
        var posteriorVariance = 1 / ((1 / (priorSd * priorSd)) + 10);
        var posteriorMean = posteriorVariance * 10 * observed;
        var posteriorSd = Math.Sqrt(posteriorVariance);

        // 200,000 prior draws, each simulated; accept the closest 1 % = 2,000. The marginal density
        // of xbar at 1.3 is about 0.16, so the acceptance window is about +-0.031, a tenth of the
        // likelihood's sd: it widens the likelihood's variance by eps^2 / 3 = 0.3 % (the posterior sd
        // by 0.1 %), far below the Monte Carlo error of 2,000 draws (2 % of the sd).
        const int draws = 200_000;
        var stream = RandomStream.FromKey(StableHash.Of("abc-normal-mean"));
        var theta = new double[draws][];
        var simulated = new double[draws][];
        for (var d = 0; d < draws; d++)
        {
            theta[d] = [priorSd * Normal(ref stream)];
            simulated[d] = [theta[d][0] + (likelihoodSd * Normal(ref stream))];
        }

        var result = RejectionAbc.AcceptClosest(RejectionAbc.Distances(simulated, [new AbcTarget(observed, likelihoodSd)]), 0.01);
        var summary = result.Summarise(theta).Single();

        // Bounds: four Monte Carlo standard errors of M = 2,000 posterior draws: tau / sqrt(M) for the
        // mean, and sqrt(p (1 - p) / M) / phi(z_p) * tau for the p-quantile (the asymptotic variance
        // of a sample quantile).
        var m = result.Accepted.Count;
        m.Should().Be(2000);
        summary.Mean.Should().BeApproximately(posteriorMean, 4 * posteriorSd / Math.Sqrt(m));
        foreach (var (p, estimate) in new[] { (0.5, summary.Median), (0.05, summary.P5), (0.95, summary.P95) })
        {
            var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
            var exact = posteriorMean + (z * posteriorSd);
            var se = Math.Sqrt(p * (1 - p) / m) / MathNet.Numerics.Distributions.Normal.PDF(0, 1, z) * posteriorSd;
            estimate.Should().BeApproximately(exact, 4 * se, $"the {p:P0} quantile of the exact posterior is {exact:F4}");
        }
    }

    [Fact]
    public void NinetyPercentIntervals_CoverTheTrueParameter_InAShareConsistentWithNinetyPercent()
    {
        // 300 synthetic data sets from theta = 0.7: ten observations N(theta, 1) each, summarised by
        // their mean. For each, an independent rejection ABC with a uniform prior on [-1.3, 2.7] (flat
        // where the likelihood is: xbar lies within 3 sd = 0.95 of theta but for 0.3 % of the sets, so
        // the prior's edges are over 3.3 posterior sd away and the posterior is N(xbar, 0.1) but for a
        // tail mass below 1e-3; its 90 % interval covers theta with probability 0.9), 4,000 prior
        // draws, the closest 5 % = 200 accepted.
        // Two small known shifts: the acceptance window (+-0.1, a third of the likelihood's sd) widens
        // the likelihood's variance by eps^2 / 3 = 3 % (coverage up by about half a point), and type 7
        // quantiles of 200 draws enclose on average (1 + 199 * 0.9) / 201 = 0.891 of the posterior
        // (down by about one point).
        // Bound: the count of covering sets is binomial(300, ~0.9), sd sqrt(300 * 0.9 * 0.1) = 5.2, so
        // the share lies within 0.9 +- 3.5 * 5.2 / 300 = +-0.061 except with probability below 1e-3.
        const double trueTheta = 0.7;
        const int datasets = 300;
        const int draws = 4_000;
        var likelihoodSd = Math.Sqrt(0.1);
        var covered = 0;
        for (var k = 0; k < datasets; k++)
        {
            var stream = RandomStream.FromKey(StableHash.Combine(StableHash.Of("abc-coverage"), (ulong)k));
            var observed = Enumerable.Range(0, 10).Select(_ => trueTheta + Normal(ref stream)).Average();
            var theta = new double[draws][];
            var simulated = new double[draws][];
            for (var d = 0; d < draws; d++)
            {
                theta[d] = [-1.3 + (4 * stream.NextDouble())];
                simulated[d] = [theta[d][0] + (likelihoodSd * Normal(ref stream))];
            }

            var summary = RejectionAbc.AcceptClosest(RejectionAbc.Distances(simulated, [new AbcTarget(observed, likelihoodSd)]), 0.05)
                .Summarise(theta).Single();
            if (summary.P5 <= trueTheta && trueTheta <= summary.P95)
            {
                covered++;
            }
        }

        (covered / (double)datasets).Should().BeApproximately(0.9, 3.5 * Math.Sqrt(0.9 * 0.1 / datasets));
    }

    [Fact]
    public void ScaleMustBePositive()
    {
        var act = () => new AbcTarget(3, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*positive*");
    }

    /// <summary>A standard normal by Box-Muller (two uniforms per draw).</summary>
    private static double Normal(ref RandomStream stream) =>
        Math.Sqrt(-2 * Math.Log(stream.NextOpenDouble())) * Math.Cos(2 * Math.PI * stream.NextDouble());
}
