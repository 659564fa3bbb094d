using System.Numerics;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// The Sobol' low-discrepancy sequence in [0, 1)^d (Sobol', USSR Comput. Math. Math. Phys. 7,
/// 1967), with Joe and Kuo's direction numbers "new-joe-kuo-6.21201" (SIAM J. Sci. Comput. 30,
/// 2008) for up to <see cref="MaxDimensions"/> dimensions, in Antonov and Saleev's gray-code
/// order (USSR Comput. Math. Math. Phys. 19, 1979): point n is the xor of the direction numbers
/// v_j for the bits j set in the gray code n xor (n &gt;&gt; 1), so consecutive points differ in one
/// direction number. These are the points of Joe and Kuo's own generator and of SciPy's and
/// SALib's unscrambled Sobol' sequences.
/// <para>
/// Point 0 is the origin. Every block of 2^m points starting at a multiple of 2^m is a
/// (t, m, d)-net; in particular each one-dimensional projection of such a block has exactly one
/// point in each interval [i 2^-m, (i + 1) 2^-m). Which points a design takes (and whether it
/// skips the origin) is the design's choice: see <see cref="SaltelliDesign"/>.
/// </para>
/// The sequence is deterministic: no seed, the same points on every machine.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>The dimensions the shipped direction numbers cover.</summary>
    public const int MaxDimensions = DirectionNumbers.Dimensions;

    /// <summary>The number of points available: coordinates have 32 bits.</summary>
    public const long MaxPoints = 1L << DirectionNumbers.Bits;

    private const double Scale = 1.0 / MaxPoints;

    private readonly uint[][] _directions;

    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (dimensions > MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"The Sobol' sequence here has direction numbers for at most {MaxDimensions} dimensions.");
        }

        Dimensions = dimensions;
        _directions = [.. Enumerable.Range(1, dimensions).Select(DirectionNumbers.Of)];
    }

    public int Dimensions { get; }

    /// <summary>Point <paramref name="index"/> of the sequence (0 is the origin).</summary>
    public double[] Point(long index) => Points(index, 1)[0];

    /// <summary>
    /// <paramref name="count"/> consecutive points from <paramref name="start"/>: the first by its
    /// gray code, each further one by one xor per coordinate.
    /// </summary>
    public double[][] Points(long start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start + count > MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The Sobol' sequence here has {MaxPoints} points; {start} + {count} is beyond.");
        }

        var x = new uint[Dimensions];
        var gray = (ulong)start ^ ((ulong)start >> 1);
        for (var d = 0; d < Dimensions; d++)
        {
            for (var bits = gray; bits != 0; bits &= bits - 1)
            {
                x[d] ^= _directions[d][BitOperations.TrailingZeroCount(bits)];
            }
        }

        var points = new double[count][];
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                // Point n differs from point n - 1 by the direction number of the lowest zero bit of n - 1.
                var changed = BitOperations.TrailingZeroCount(~(ulong)(start + i - 1));
                for (var d = 0; d < Dimensions; d++)
                {
                    x[d] ^= _directions[d][changed];
                }
            }

            var point = new double[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                point[d] = x[d] * Scale;
            }

            points[i] = point;
        }

        return points;
    }
}
