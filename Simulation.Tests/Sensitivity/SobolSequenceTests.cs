using IsdnSim.Analysis.Sensitivity;

namespace IsdnSim.Tests.Sensitivity;

public sealed class SobolSequenceTests
{
    [Fact]
    public void FirstTenPoints_InThreeDimensions_AreJoeAndKuosExample()
    {
        // The example output of Joe and Kuo's generator on https://web.maths.unsw.edu.au/~fkuo/sobol/
        // (first 10 points, 3 dimensions, direction numbers new-joe-kuo-6.21201), as quoted in SALib's
        // tests/test_sobol.py (test_sobol_sequence); SciPy's tests/test_qmc.py (TestSobol,
        // unscrambled) expects the same first and third columns. Binary fractions: exact.
        double[][] expected =
        [
            [0, 0, 0],
            [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25],
            [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125],
            [0.625, 0.125, 0.875],
            [0.125, 0.625, 0.375],
            [0.1875, 0.3125, 0.9375],
            [0.6875, 0.8125, 0.4375],
        ];

        var points = new SobolSequence(3).Points(0, 10);

        points.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Theory]
    // Rows of the published table new-joe-kuo-6.21201 (d, s, a, m_1..m_s). In gray-code order point
    // 2^j - 1 has gray code 2^(j-1), so its coordinate is the direction number v_j = m_j / 2^j alone.
    [InlineData(2, new[] { 1 })]
    [InlineData(7, new[] { 1, 3, 5, 13 })]
    [InlineData(10, new[] { 1, 1, 7, 11, 19 })]
    [InlineData(37, new[] { 1, 3, 3, 5, 3, 55, 33 })]
    [InlineData(64, new[] { 1, 1, 3, 13, 25, 47, 39, 87, 257 })]
    [InlineData(1024, new[] { 1, 1, 5, 11, 11, 33, 37, 29, 263, 1019, 657, 1453, 7807 })]
    public void PointTwoToTheJMinusOne_IsTheTablesDirectionNumberMj(int dimension, int[] m)
    {
        var sequence = new SobolSequence(dimension);
        for (var j = 1; j <= m.Length; j++)
        {
            var point = sequence.Point((1L << j) - 1);
            point[dimension - 1].Should().Be(m[j - 1] / Math.Pow(2, j), $"point 2^{j} - 1 of dimension {dimension} is m_{j} / 2^{j}");
        }
    }

    [Fact]
    public void DirectionNumbersBeyondTheDegree_FollowTheRecurrence()
    {
        // Dimension 4: s = 3, a = 1 (a_1 = 0, a_2 = 1), m = 1 3 1. By hand:
        //   m_4 = 2 a_1 m_3 ^ 4 a_2 m_2 ^ 8 m_1 ^ m_1 = 0 ^ 12 ^ 8 ^ 1 = 5
        //   m_5 = 2 a_1 m_4 ^ 4 a_2 m_3 ^ 8 m_2 ^ m_2 = 0 ^ 4 ^ 24 ^ 3 = 31
        // Dimension 5: s = 3, a = 2 (a_1 = 1, a_2 = 0), m = 1 1 1:
        //   m_4 = 2 m_3 ^ 8 m_1 ^ m_1 = 2 ^ 8 ^ 1 = 11;  m_5 = 2 m_4 ^ 8 m_2 ^ m_2 = 22 ^ 8 ^ 1 = 31
        DirectionNumbers.InitialNumbers(4, 5).Should().Equal(1u, 3u, 1u, 5u, 31u);
        DirectionNumbers.InitialNumbers(5, 5).Should().Equal(1u, 1u, 1u, 11u, 31u);
        var sequence = new SobolSequence(5);
        sequence.Point(15)[3].Should().Be(5 / 16.0);
        sequence.Point(31)[3].Should().Be(31 / 32.0);
        sequence.Point(15)[4].Should().Be(11 / 16.0);
    }

    [Fact]
    public void ShippedTable_HasTheFirst1024DimensionsOfTheNewJoeKuoSet()
    {
        // Spot rows of new-joe-kuo-6.21201 (d s a m_i): the first, one of degree 8, the last shipped.
        DirectionNumbers.RowOf(2).Should().BeEquivalentTo((1, 0u, new uint[] { 1 }));
        DirectionNumbers.RowOf(38).Should().BeEquivalentTo((8, 14u, new uint[] { 1, 3, 1, 15, 31, 13, 49, 245 }));
        DirectionNumbers.RowOf(1024).Should().BeEquivalentTo((13, 3538u, new uint[] { 1, 1, 5, 11, 11, 33, 37, 29, 263, 1019, 657, 1453, 7807 }));
        SobolSequence.MaxDimensions.Should().Be(1024);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4096)]
    public void EveryBlockOf2ToTheM_HasOnePointPerDyadicInterval_InEveryDimension(long start)
    {
        // Each 1-D projection of a Sobol' sequence is a (0, 1)-sequence in base 2: the 2^m points of
        // any block starting at a multiple of 2^m put exactly one point in each [i 2^-m, (i+1) 2^-m).
        // Block 0 starts at the origin; block 4096 is the kind a Saltelli design uses.
        const int m = 12;
        var n = 1 << m;
        var points = new SobolSequence(SobolSequence.MaxDimensions).Points(start, n);
        var crowded = new List<string>();
        for (var d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            var seen = new bool[n];
            foreach (var p in points)
            {
                var cell = (int)(p[d] * n);
                if (seen[cell])
                {
                    crowded.Add($"dimension {d + 1}, [{cell}/{n}, {cell + 1}/{n})");
                }

                seen[cell] = true;
            }
        }

        crowded.Should().BeEmpty("no dyadic interval holds two points");

        // And every smaller block of the same start is a net too.
        for (var k = 1; k < m; k++)
        {
            var size = 1 << k;
            var cells = points.Take(size).Select(p => (int)(p[SobolSequence.MaxDimensions - 1] * size)).ToHashSet();
            cells.Should().HaveCount(size);
        }
    }

    [Fact]
    public void FirstTwoDimensions_AreAZeroMTwoNet()
    {
        // Dimensions 1 and 2 form a (0, 2)-sequence (Sobol' 1967): the first 2^m points put exactly
        // one point in every elementary box [i 2^-a, (i+1) 2^-a) x [j 2^-b, (j+1) 2^-b) with a + b = m.
        const int m = 10;
        var points = new SobolSequence(2).Points(0, 1 << m);
        for (var a = 0; a <= m; a++)
        {
            var b = m - a;
            var boxes = points.Select(p => ((int)(p[0] * (1 << a)), (int)(p[1] * (1 << b)))).ToHashSet();
            boxes.Should().HaveCount(1 << m, $"boxes of 2^-{a} x 2^-{b}");
        }
    }

    [Fact]
    public void RandomAccess_AgreesWithTheGrayCodeRecursion()
    {
        var sequence = new SobolSequence(40);
        var run = sequence.Points(1000, 100);
        for (var i = 0; i < 100; i += 7)
        {
            sequence.Point(1000 + i).Should().Equal(run[i]);
        }
    }

    [Fact]
    public void TooManyDimensions_AreRefused()
    {
        var act = () => new SobolSequence(SobolSequence.MaxDimensions + 1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at most 1024 dimensions*");
    }
}
