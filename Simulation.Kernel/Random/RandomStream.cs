using System.Runtime.CompilerServices;

namespace IsdnSim.Kernel.Random;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018): a small, fast generator with a 2^256 - 1 period.
/// Each stream is seeded from a 64-bit key through SplitMix64, as the authors recommend, so
/// streams with nearby keys are still unrelated. A mutable struct: pass it by reference.
/// </summary>
public struct RandomStream
{
    private const double Epsilon53 = 1.0 / (1UL << 53);

    private ulong _s0, _s1, _s2, _s3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RandomStream FromKey(ulong key)
    {
        var sm = key;
        var stream = new RandomStream
        {
            _s0 = SplitMix64(ref sm),
            _s1 = SplitMix64(ref sm),
            _s2 = SplitMix64(ref sm),
            _s3 = SplitMix64(ref sm),
        };
        return stream;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        // The state is read once into registers and written back once: a stream lives in an
        // object's field, and updating its words in place chained loads to the stores before them.
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * Epsilon53;

    /// <summary>Uniform on the open interval (0, 1), safe to pass to a logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * Epsilon53;

    /// <summary>Uniform integer on [0, bound) by Lemire's multiply-shift with rejection, so without bias.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        var m = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold)
            {
                m = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
