using System.Globalization;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// The direction numbers of Joe and Kuo's table "new-joe-kuo-6.21201" (SIAM J. Sci. Comput. 30,
/// 2008), first 1024 dimensions, shipped as the embedded file beside this one with its origin and
/// licence. Dimension 1 is the van der Corput sequence (every m_i = 1); dimension d &gt; 1 has a
/// primitive polynomial of degree s with inner coefficients a and initial numbers m_1..m_s, from
/// which the rest follow by Bratley and Fox's recurrence (ACM TOMS 14, 1988, Algorithm 659).
/// </summary>
internal static class DirectionNumbers
{
    /// <summary>The dimensions the shipped table covers.</summary>
    public const int Dimensions = 1024;

    /// <summary>Bits of each coordinate: points are multiples of 2^-32, at most 2^32 of them.</summary>
    public const int Bits = 32;

    private const string ResourceName = "IsdnSim.Analysis.Sensitivity.new-joe-kuo-6.21201.txt";

    private static readonly Lazy<Row[]> Table = new(Load);

    /// <summary>
    /// The 32 direction numbers v_1..v_32 of a dimension (1-based), each m_j / 2^j as a 32-bit
    /// fraction: v_j = m_j &lt;&lt; (32 - j).
    /// </summary>
    public static uint[] Of(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, Dimensions);
        var m = InitialNumbers(dimension, Bits);
        var v = new uint[Bits];
        for (var j = 0; j < Bits; j++)
        {
            v[j] = m[j] << (Bits - 1 - j);
        }

        return v;
    }

    /// <summary>
    /// m_1..m_count of a dimension: the table's initial numbers, continued by the recurrence
    /// m_j = 2 a_1 m_{j-1} xor 4 a_2 m_{j-2} xor ... xor 2^(s-1) a_(s-1) m_(j-s+1) xor 2^s m_(j-s) xor m_(j-s),
    /// where a_1 is the leading bit of a (Joe and Kuo, "Notes on generating Sobol' sequences", 2008, eq. 2).
    /// </summary>
    internal static uint[] InitialNumbers(int dimension, int count)
    {
        var m = new uint[count];
        if (dimension == 1)
        {
            Array.Fill(m, 1u);
            return m;
        }

        var row = Table.Value[dimension - 2];
        for (var j = 0; j < count; j++)
        {
            if (j < row.Degree)
            {
                m[j] = row.M[j];
                continue;
            }

            var s = row.Degree;
            var next = m[j - s] ^ (m[j - s] << s);
            for (var k = 1; k < s; k++)
            {
                if (((row.Coefficients >> (s - 1 - k)) & 1) == 1)
                {
                    next ^= m[j - k] << k;
                }
            }

            m[j] = next;
        }

        return m;
    }

    /// <summary>The table's row of a dimension &gt; 1 (degree s, coefficients a, m_1..m_s).</summary>
    internal static (int Degree, uint Coefficients, IReadOnlyList<uint> M) RowOf(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, Dimensions);
        var row = Table.Value[dimension - 2];
        return (row.Degree, row.Coefficients, row.M);
    }

    private static Row[] Load()
    {
        using var stream = typeof(DirectionNumbers).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<Row>(Dimensions - 1);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var d = int.Parse(fields[0], CultureInfo.InvariantCulture);
            var s = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var a = uint.Parse(fields[2], CultureInfo.InvariantCulture);
            var m = fields.Skip(3).Select(f => uint.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (d != rows.Count + 2 || m.Length != s)
            {
                throw new InvalidOperationException($"{ResourceName}: row of dimension {d} is malformed.");
            }

            rows.Add(new Row(s, a, m));
        }

        if (rows.Count != Dimensions - 1)
        {
            throw new InvalidOperationException($"{ResourceName} holds {rows.Count + 1} dimensions, expected {Dimensions}.");
        }

        return [.. rows];
    }

    private sealed record Row(int Degree, uint Coefficients, uint[] M);
}
