using IsdnSim.Analysis.Calibration;
using IsdnSim.Kernel.Random;
using StableHash = IsdnSim.Kernel.Random.StableHash;

namespace IsdnSim.Tests.Calibration;

public sealed class HistoryMatchingTests
{
    [Fact]
    public void Implausibility_IsTheDifferenceOverTheRootOfTheSummedVariances()
    {
        // z = 10, E[f] = 4, Var_obs = 1, Var_model = s^2 (1 + 1/R) with s^2 = 2, R = 2 -> 3, Var_disc = 5:
        // I = 6 / sqrt(1 + 3 + 5) = 2.
        HistoryMatching.ModelVariance(2, 2).Should().Be(3);
        HistoryMatching.Implausibility(10, 4, 1, 3, 5).Should().Be(2);
        HistoryMatching.Implausibility(10, 16, 1, 3, 5).Should().Be(2, "the distance counts either way");
        HistoryMatching.Implausibility(10, double.NaN, 1, 3, 5).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Match_RulesOutPointsWhoseLargestImplausibilityExceedsThree()
    {
        // Targets: z1 = 10 (Var_obs 1, Var_disc 3), z2 = 0 (0, 4). Model variance 0 everywhere, so the
        // denominators are 2 and 2.
        //   point 0: means (12, 1)  -> I = (1, 0.5),  max 1    kept
        //   point 1: means (10, 7)  -> I = (0, 3.5),  max 3.5  out
        //   point 2: means (4, -6)  -> I = (3, 3),    max 3    kept (the cut-off itself stays in)
        HistoryMatchTarget[] targets = [new(10, 1, 3), new(0, 0, 4)];
        double[][] means = [[12, 1], [10, 7], [4, -6]];
        double[][] variances = [[0, 0], [0, 0], [0, 0]];

        var result = HistoryMatching.Match(means, variances, targets);

        result.Implausibility[0].Should().Equal(1, 0.5);
        result.Maximum.Should().Equal(1, 3.5, 3);
        result.NotImplausible.Should().Equal(0, 2);
    }

    [Fact]
    public void AtTheTrueParameters_TheThreeSigmaCutOff_RulesOutTheNormalTailShare()
    {
        // If the model at x is right and the errors are normal with the stated variances, z - E[f] is
        // N(0, Var_obs + Var_model + Var_disc) and I > 3 has probability 2 (1 - Phi(3)) = 0.0027.
        // Over 20,000 synthetic observations the count ruled out is binomial(20000, 0.0027): mean 54,
        // sd 7.3; it lies within 54 +- 4 sd. (Pukelsheim's bound, 5 %, holds for any unimodal error.)
        var stream = RandomStream.FromKey(StableHash.Of("history-matching-tail"));
        const double truth = 50;
        double varObs = 4, varModel = HistoryMatching.ModelVariance(6, 3), varDisc = 9;
        var sd = Math.Sqrt(varObs + varModel + varDisc);
        const int n = 20_000;
        var ruledOut = 0;
        for (var i = 0; i < n; i++)
        {
            var z = truth + (sd * Math.Sqrt(-2 * Math.Log(stream.NextOpenDouble())) * Math.Cos(2 * Math.PI * stream.NextDouble()));
            if (HistoryMatching.Implausibility(z, truth, varObs, varModel, varDisc) > HistoryMatching.Cutoff)
            {
                ruledOut++;
            }
        }

        var p = 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, 3));
        ruledOut.Should().BeCloseTo((int)Math.Round(n * p), (uint)Math.Ceiling(4 * Math.Sqrt(n * p * (1 - p))));
    }

    [Fact]
    public void NoVarianceAtAll_IsRefused()
    {
        var act = () => HistoryMatching.Implausibility(1, 2, 0, 0, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*positive*");
    }
}
