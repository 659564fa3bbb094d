using IsdnSim.Analysis.Sensitivity;

namespace IsdnSim.Tests.Sensitivity;

public sealed class SaltelliDesignTests
{
    [Fact]
    public void Rows_AreA_ThenEachABi_ThenB_FromConsecutiveSobolPoints()
    {
        // N = 4, k = 2: the base rows are Sobol' points 16..19 of dimension 4 (start = max(16, 4)),
        // A their first two coordinates, B the last two, A_B^(i) = A with column i from B.
        var design = new SaltelliDesign(4, 2);
        var sobol = new SobolSequence(4).Points(16, 4);

        design.SequenceStart.Should().Be(16);
        design.PointCount.Should().Be(16);
        var points = design.Points();
        for (var j = 0; j < 4; j++)
        {
            double[] a = [sobol[j][0], sobol[j][1]];
            double[] b = [sobol[j][2], sobol[j][3]];
            points[4 * j].Should().Equal(a);
            points[(4 * j) + 1].Should().Equal(b[0], a[1]);
            points[(4 * j) + 2].Should().Equal(a[0], b[1]);
            points[(4 * j) + 3].Should().Equal(b);
            design.IndexOfA(j).Should().Be(4 * j);
            design.IndexOfAB(j, 1).Should().Be((4 * j) + 2);
            design.IndexOfB(j).Should().Be((4 * j) + 3);
        }
    }

    [Theory]
    [InlineData(1000, 1024)]
    [InlineData(1024, 1024)]
    [InlineData(1025, 2048)]
    [InlineData(8, 16)]
    public void SequenceStart_IsThePowerOfTwoAtOrAboveN_AtLeast16(int n, long start)
    {
        new SaltelliDesign(n, 3).SequenceStart.Should().Be(start);
    }

    [Fact]
    public void ForNAPowerOfTwo_ColumnsOfAAndB_HaveOnePointPerDyadicInterval()
    {
        // Points N..2N-1 are a whole block of the sequence, so each column of A and of B is a
        // (0, m, 1)-net: N = 2^m values, one in each [i/N, (i+1)/N).
        const int n = 256;
        var design = new SaltelliDesign(n, 5);
        var points = design.Points();
        for (var c = 0; c < 5; c++)
        {
            Enumerable.Range(0, n).Select(j => (int)(points[design.IndexOfA(j)][c] * n)).Distinct().Should().HaveCount(n);
            Enumerable.Range(0, n).Select(j => (int)(points[design.IndexOfB(j)][c] * n)).Distinct().Should().HaveCount(n);
        }

        points.SelectMany(p => p).Should().NotContain(0.0, "the origin is skipped");
    }

    [Fact]
    public void MoreParametersThanTheTableCovers_AreRefused()
    {
        var act = () => new SaltelliDesign(8, 513);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at most 512 parameters*");
    }
}
