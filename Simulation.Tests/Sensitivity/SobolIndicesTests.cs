using IsdnSim.Analysis.Sensitivity;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Tests.Sensitivity;

public sealed class SobolIndicesTests
{
    private static readonly BootstrapSettings Bootstrap = new(resamples: 500, level: 0.95, seed: 11);

    [Fact]
    public void Estimators_MatchAHandComputation()
    {
        // N = 2, k = 1; per row the outputs at A, A_B^(1), B:
        //   row 0: 1, 3, 2     row 1: 0, 4, 5
        // V: the outputs of A and B are 1, 2, 0, 5: mean 2, squares 1 + 0 + 4 + 9 = 14, V = 14/4 = 3.5.
        // S1 = mean(y_B (y_AB - y_A)) / V = ((2 * 2) + (5 * 4)) / 2 / 3.5 = 12 / 3.5
        // ST = mean((y_A - y_AB)^2) / 2 / V = ((4 + 16) / 2) / 2 / 3.5 = 5 / 3.5
        var design = new SaltelliDesign(2, 1);
        var index = SobolIndices.Estimate(design, [1, 3, 2, 0, 4, 5], Bootstrap).Single();

        index.FirstOrder.Value.Should().BeApproximately(12 / 3.5, 1e-12);
        index.Total.Value.Should().BeApproximately(5 / 3.5, 1e-12);
    }

    [Fact]
    public void Ishigami_IndicesAgreeWithTheAnalyticValues_WithinTheEstimatorsError()
    {
        // Ishigami and Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi],
        // a = 7, b = 0.1. Partial variances (Sobol' and Levitan 1999; Saltelli et al. 2008, Primer):
        //   V1 = (1 + b pi^4 / 5)^2 / 2,  V2 = a^2 / 8,  V3 = 0,  V13 = b^2 pi^8 (1/18 - 1/50),
        //   V = a^2 / 8 + b pi^4 / 5 + b^2 pi^8 / 18 + 1/2.
        // S1 = (V1, V2, 0) / V = (0.3139, 0.4424, 0); ST = (V1 + V13, V2, V13) / V = (0.5576, 0.4424, 0.2437).
        const double a = 7, b = 0.1;
        var pi4 = Math.Pow(Math.PI, 4);
        var pi8 = Math.Pow(Math.PI, 8);
        var v1 = Math.Pow(1 + (b * pi4 / 5), 2) / 2;
        var v2 = a * a / 8;
        var v13 = b * b * pi8 * ((1.0 / 18) - (1.0 / 50));
        var v = (a * a / 8) + (b * pi4 / 5) + (b * b * pi8 / 18) + 0.5;
        double[] s1 = [v1 / v, v2 / v, 0];
        double[] st = [(v1 + v13) / v, v2 / v, v13 / v];
        s1[0].Should().BeApproximately(0.3139, 5e-5);
        st[2].Should().BeApproximately(0.2437, 5e-5);

        const int n = 1 << 13;
        var design = new SaltelliDesign(n, 3);
        var y = design.Points().Select(u =>
        {
            var x = u.Select(ui => -Math.PI + (2 * Math.PI * ui)).ToArray();
            return Math.Sin(x[0]) + (a * Math.Pow(Math.Sin(x[1]), 2)) + (b * Math.Pow(x[2], 4) * Math.Sin(x[0]));
        }).ToArray();

        var indices = SobolIndices.Estimate(design, y, Bootstrap);

        for (var i = 0; i < 3; i++)
        {
            // Tolerance: four standard errors of the estimator at this N, by the delta method over
            // the N independent base rows (the error of plain Monte Carlo; a Sobol' design does better).
            var (seFirst, seTotal) = DeltaMethodStandardErrors(design, y, i);
            indices[i].FirstOrder.Value.Should().BeApproximately(s1[i], 4 * seFirst, $"S1 of x{i + 1}");
            indices[i].Total.Value.Should().BeApproximately(st[i], 4 * seTotal, $"ST of x{i + 1}");
            indices[i].FirstOrder.Contains(s1[i]).Should().BeTrue($"S1 of x{i + 1} = {s1[i]:F4} lies in [{indices[i].FirstOrder.Low:F4}, {indices[i].FirstOrder.High:F4}]");
            indices[i].Total.Contains(st[i]).Should().BeTrue($"ST of x{i + 1} = {st[i]:F4} lies in [{indices[i].Total.Low:F4}, {indices[i].Total.High:F4}]");
        }
    }

    [Fact]
    public void LinearModel_IndicesAreTheSquaredCoefficientShares_AndADummyHasExactlyZero()
    {
        // y = sum c_i x_i with independent x_i uniform on [0, 1]: V_i = c_i^2 / 12, no interactions, so
        // S1_i = ST_i = c_i^2 / sum c_j^2 = (1, 4, 16, 0) / 21. The fourth parameter has no effect:
        // y_AB(4) = y_A exactly, so both of its estimates are exactly 0.
        double[] c = [1, 2, 4, 0];
        const int n = 1 << 12;
        var design = new SaltelliDesign(n, 4);
        var y = design.Points().Select(x => x.Zip(c, (xi, ci) => xi * ci).Sum()).ToArray();

        var indices = SobolIndices.Estimate(design, y, Bootstrap);

        for (var i = 0; i < 3; i++)
        {
            var expected = c[i] * c[i] / 21;
            var (seFirst, seTotal) = DeltaMethodStandardErrors(design, y, i);
            indices[i].FirstOrder.Value.Should().BeApproximately(expected, 4 * seFirst);
            indices[i].Total.Value.Should().BeApproximately(expected, 4 * seTotal);
            indices[i].FirstOrder.Contains(expected).Should().BeTrue();
            indices[i].Total.Contains(expected).Should().BeTrue();
        }

        indices[3].FirstOrder.Should().Be(new IntervalEstimate(0, 0, 0));
        indices[3].Total.Should().Be(new IntervalEstimate(0, 0, 0));
    }

    [Fact]
    public void ConstantOutput_HasNoVarianceToApportion_AndEveryIndexIsZero()
    {
        var design = new SaltelliDesign(16, 2);
        var indices = SobolIndices.Estimate(design, Enumerable.Repeat(3.5, design.PointCount).ToArray(), Bootstrap);

        indices.Should().AllSatisfy(i =>
        {
            i.FirstOrder.Should().Be(new IntervalEstimate(0, 0, 0));
            i.Total.Should().Be(new IntervalEstimate(0, 0, 0));
        });
    }

    [Fact]
    public void SameSeed_GivesTheSameIntervals_AndAnotherSeedOthers()
    {
        var design = new SaltelliDesign(64, 2);
        var y = design.Points().Select(x => x[0] + (x[0] * x[1])).ToArray();

        var first = SobolIndices.Estimate(design, y, Bootstrap);
        var again = SobolIndices.Estimate(design, y, Bootstrap);
        var other = SobolIndices.Estimate(design, y, new BootstrapSettings(500, 0.95, seed: 12));

        again.Should().Equal(first);
        other.Select(i => i.FirstOrder.Value).Should().Equal(first.Select(i => i.FirstOrder.Value), "the estimate does not depend on the bootstrap");
        other.Select(i => i.FirstOrder.Low).Should().NotEqual(first.Select(i => i.FirstOrder.Low));
    }

    [Fact]
    public void AnOutputThatIsNotANumber_IsRefusedWithItsPoint()
    {
        var design = new SaltelliDesign(4, 1);
        var y = new double[design.PointCount];
        y[5] = double.NaN;

        var act = () => SobolIndices.Estimate(design, y, Bootstrap);

        act.Should().Throw<ArgumentException>().WithMessage("*point 5*finite*");
    }

    /// <summary>
    /// The standard errors of S1_i and ST_i by the delta method: both are a ratio m / V of means over
    /// the N independent base rows, m = mean(t_j) and V = mean(v_j) - mean(w_j)^2 with
    /// w_j = (y_A + y_B) / 2 and v_j = (y_A^2 + y_B^2) / 2, so row j's influence is
    /// (t_j - m) / V - (m / V^2) ((v_j - mean v) - 2 mean(w) (w_j - mean w)), and the standard error
    /// is the standard deviation of the influences over sqrt(N).
    /// </summary>
    private static (double First, double Total) DeltaMethodStandardErrors(SaltelliDesign design, double[] y, int i)
    {
        var n = design.BaseSamples;
        var ya = Enumerable.Range(0, n).Select(j => y[design.IndexOfA(j)]).ToArray();
        var yb = Enumerable.Range(0, n).Select(j => y[design.IndexOfB(j)]).ToArray();
        var yab = Enumerable.Range(0, n).Select(j => y[design.IndexOfAB(j, i)]).ToArray();
        var w = Enumerable.Range(0, n).Select(j => (ya[j] + yb[j]) / 2).ToArray();
        var v = Enumerable.Range(0, n).Select(j => ((ya[j] * ya[j]) + (yb[j] * yb[j])) / 2).ToArray();
        var meanW = w.Average();
        var meanV = v.Average();
        var variance = meanV - (meanW * meanW);

        double StandardError(double[] t)
        {
            var m = t.Average();
            var influence = Enumerable.Range(0, n)
                .Select(j => ((t[j] - m) / variance) - (m / (variance * variance) * ((v[j] - meanV) - (2 * meanW * (w[j] - meanW)))))
                .ToArray();
            var mean = influence.Average();
            return Math.Sqrt(influence.Sum(x => (x - mean) * (x - mean)) / (n - 1) / n);
        }

        return (
            StandardError([.. Enumerable.Range(0, n).Select(j => yb[j] * (yab[j] - ya[j]))]),
            StandardError([.. Enumerable.Range(0, n).Select(j => (ya[j] - yab[j]) * (ya[j] - yab[j]) / 2)]));
    }
}
