namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// Saltelli's design for Sobol' first-order and total indices (Saltelli, Comput. Phys. Commun.
/// 145, 2002; Saltelli et al., Comput. Phys. Commun. 181, 2010, section 3): two N x k matrices A
/// and B of independent points in [0, 1)^k and, for each parameter i, the matrix A_B^(i), which is
/// A with its column i taken from B. That is N (k + 2) points; the model is run at each.
/// <para>
/// A and B are the first and last k coordinates of points of the 2k-dimensional
/// <see cref="SobolSequence"/>. The design takes the N consecutive points from index
/// <see cref="SequenceStart"/> = max(16, the smallest power of two &gt;= N), as SALib's Saltelli
/// sampler does by default (SALib 1.4, sample.saltelli with calc_second_order=False): the origin
/// and the first, most regular points are skipped, and for N a power of two the N points are a
/// whole block of the sequence, hence a net (Owen, "On dropping the first Sobol' point", 2020,
/// argues against skipping fewer). N a power of two is therefore best.
/// </para>
/// <para>
/// Points are ordered by base row j = 0..N-1, and within a row: A_j, then A_B^(1)_j .. A_B^(k)_j,
/// then B_j (SALib's order), so point p belongs to row p / (k + 2). The design has no seed: the
/// same N and k give the same points everywhere.
/// </para>
/// </summary>
public sealed class SaltelliDesign
{
    private const long SmallestStart = 16;

    public SaltelliDesign(int baseSamples, int parameters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        if (2 * parameters > SobolSequence.MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters, $"A Saltelli design needs 2 dimensions of the Sobol' sequence per parameter; at most {SobolSequence.MaxDimensions / 2} parameters.");
        }

        if ((long)baseSamples * (parameters + 2) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(baseSamples), baseSamples, "The design would have more points than can be counted.");
        }

        BaseSamples = baseSamples;
        Parameters = parameters;
        SequenceStart = Math.Max(SmallestStart, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)baseSamples));
    }

    /// <summary>N, the number of base rows (the rows of A and of B).</summary>
    public int BaseSamples { get; }

    /// <summary>k, the number of uncertain parameters.</summary>
    public int Parameters { get; }

    /// <summary>The index of the Sobol' point that gives base row 0.</summary>
    public long SequenceStart { get; }

    /// <summary>Points per base row: A, the k matrices A_B^(i), and B.</summary>
    public int PointsPerRow => Parameters + 2;

    /// <summary>N (k + 2), the number of model runs.</summary>
    public int PointCount => BaseSamples * PointsPerRow;

    /// <summary>The index of base row <paramref name="row"/>'s point in A.</summary>
    public int IndexOfA(int row) => row * PointsPerRow;

    /// <summary>The index of base row <paramref name="row"/>'s point in A_B^(parameter), parameter 0-based.</summary>
    public int IndexOfAB(int row, int parameter) => (row * PointsPerRow) + 1 + parameter;

    /// <summary>The index of base row <paramref name="row"/>'s point in B.</summary>
    public int IndexOfB(int row) => (row * PointsPerRow) + PointsPerRow - 1;

    /// <summary>All <see cref="PointCount"/> points in the unit hypercube [0, 1)^k, in the order described above.</summary>
    public double[][] Points()
    {
        var k = Parameters;
        var sequence = new SobolSequence(2 * k).Points(SequenceStart, BaseSamples);
        var points = new double[PointCount][];
        for (var j = 0; j < BaseSamples; j++)
        {
            var a = sequence[j].AsSpan(0, k);
            var b = sequence[j].AsSpan(k, k);
            points[IndexOfA(j)] = a.ToArray();
            for (var i = 0; i < k; i++)
            {
                var ab = a.ToArray();
                ab[i] = b[i];
                points[IndexOfAB(j, i)] = ab;
            }

            points[IndexOfB(j)] = b.ToArray();
        }

        return points;
    }
}
