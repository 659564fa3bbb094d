using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Tests.Sensitivity;

public sealed class MorrisTests
{
    private static readonly BootstrapSettings Bootstrap = new(resamples: 200, level: 0.95, seed: 5);

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(2)]
    public void EveryTrajectory_MovesEachParameterOnce_ByDelta_OnTheGrid(int levels)
    {
        // p levels i / (p - 1), delta = p / (2 (p - 1)): for p = 4, levels 0, 1/3, 2/3, 1 and delta 2/3.
        var design = new MorrisDesign(trajectories: 30, parameters: 5, levels: levels, seed: 3);
        var delta = levels / (2.0 * (levels - 1));
        design.Delta.Should().Be(delta);
        var points = design.Points();
        points.Should().HaveCount(30 * 6);
        var grid = Enumerable.Range(0, levels).Select(i => i / (double)(levels - 1)).ToHashSet();
        points.SelectMany(p => p).Should().OnlyContain(x => grid.Contains(x));

        for (var t = 0; t < 30; t++)
        {
            var moved = new List<int>();
            for (var step = 1; step <= 5; step++)
            {
                var before = points[(t * 6) + step - 1];
                var after = points[(t * 6) + step];
                var changed = Enumerable.Range(0, 5).Where(i => before[i] != after[i]).ToArray();
                changed.Should().ContainSingle();
                var i = changed[0];
                i.Should().Be(design.ParameterChangedAt(t, step));
                (after[i] - before[i]).Should().BeApproximately(design.MovesUp(t, i) ? delta : -delta, 1e-15);
                moved.Add(i);
            }

            moved.Should().BeEquivalentTo(Enumerable.Range(0, 5));
        }
    }

    [Fact]
    public void MoreTrajectories_KeepTheOnesASmallerDesignHad()
    {
        var small = new MorrisDesign(5, 4, 4, seed: 9).Points();
        var large = new MorrisDesign(12, 4, 4, seed: 9).Points();
        for (var p = 0; p < small.Length; p++)
        {
            large[p].Should().Equal(small[p]);
        }

        new MorrisDesign(5, 4, 4, seed: 10).Points().Should().NotBeEquivalentTo(small, o => o.WithStrictOrdering());
    }

    [Fact]
    public void StartsAndDirections_UseEveryChoice()
    {
        // With 200 trajectories of 3 parameters at p = 4 every start level (0 or 1/3 below the step)
        // and both directions occur; a design stuck on one choice would fail here.
        var design = new MorrisDesign(200, 3, 4, seed: 1);
        var points = design.Points();
        var firstPoints = Enumerable.Range(0, 200).Select(t => points[t * 4]).ToArray();
        firstPoints.SelectMany(p => p).Distinct().Should().HaveCount(4);
        Enumerable.Range(0, 200).Select(t => design.MovesUp(t, 0)).Distinct().Should().HaveCount(2);
        Enumerable.Range(0, 200).Select(t => design.ParameterChangedAt(t, 1)).Distinct().Should().HaveCount(3);
    }

    [Fact]
    public void LinearModel_EveryEffectIsItsCoefficient_AndANoEffectParameterHasMuStarZero()
    {
        // y = 2 x1 - 3 x2 + 0 x3 + 0.5 x4 on [0, 1]^4: a step of delta in x_i changes y by c_i delta, so
        // every elementary effect of x_i is c_i (up to rounding): mu = c_i, mu* = |c_i|, sigma = 0.
        // x3 does not enter y, so both points of its step give the same y and its effects are exactly 0.
        double[] c = [2, -3, 0, 0.5];
        var design = new MorrisDesign(20, 4, 4, seed: 7);
        var y = design.Points().Select(x => (c[0] * x[0]) + (c[1] * x[1]) + (c[3] * x[3])).ToArray();

        var effects = ElementaryEffects.Of(design, y);
        var summary = ElementaryEffects.Estimate(design, y, Bootstrap);

        for (var i = 0; i < 4; i++)
        {
            effects.Select(e => e[i]).Should().OnlyContain(e => Math.Abs(e - c[i]) < 1e-12);
            summary[i].Mu.Should().BeApproximately(c[i], 1e-12);
            summary[i].MuStar.Value.Should().BeApproximately(Math.Abs(c[i]), 1e-12);
            summary[i].Sigma.Value.Should().BeApproximately(0, 1e-12);
        }

        effects.Select(e => e[2]).Should().OnlyContain(e => e == 0);
        summary[2].MuStar.Should().Be(new IntervalEstimate(0, 0, 0));
    }

    [Fact]
    public void Interaction_GivesSigmaAboveZero_WithTheExpectedMeanEffect()
    {
        // y = x1 x2 + x3: the effect of x1 is x2 where the step happens, one of the levels 0, 1/3, 2/3, 1,
        // so it varies between trajectories (sigma > 0) and lies in [0, 1]; the effect of x3 is 1
        // everywhere (sigma 0). By symmetry of the design (x2 is at each level equally often in
        // expectation) E[EE_1] = 1/2; mu_1 over r = 400 trajectories is within 4 standard errors of it:
        // the effects are levels in [0, 1] with variance at most 1/4, so the standard error is at
        // most 0.5 / sqrt(400) = 0.025. (x2 where x1 steps is its start or its end, each uniform on the
        // four levels: a start x* in {0, 1/3} moved up by delta = 2/3 or not, with probability 1/2 each.)
        var design = new MorrisDesign(400, 3, 4, seed: 21);
        var y = design.Points().Select(x => (x[0] * x[1]) + x[2]).ToArray();

        var summary = ElementaryEffects.Estimate(design, y, Bootstrap);

        summary[0].Sigma.Value.Should().BeGreaterThan(0.1);
        summary[1].Sigma.Value.Should().BeGreaterThan(0.1);
        summary[0].Mu.Should().BeApproximately(0.5, 4 * 0.025);
        summary[0].MuStar.Contains(summary[0].MuStar.Value).Should().BeTrue();
        summary[0].Sigma.Low.Should().BeGreaterThan(0, "the interval of sigma excludes zero");
        summary[2].Mu.Should().BeApproximately(1, 1e-12);
        summary[2].Sigma.Value.Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void SingleTrajectory_HasNoSigma()
    {
        var design = new MorrisDesign(1, 2, 4, seed: 1);
        var y = design.Points().Select(x => x[0] * x[1]).ToArray();

        var summary = ElementaryEffects.Estimate(design, y, Bootstrap);

        summary.Should().AllSatisfy(s => double.IsNaN(s.Sigma.Value).Should().BeTrue());
    }

    [Fact]
    public void OddLevels_AreRefused()
    {
        var act = () => new MorrisDesign(4, 2, 5, seed: 1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*even*");
    }
}
