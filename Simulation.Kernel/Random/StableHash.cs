using System.Runtime.CompilerServices;

namespace IsdnSim.Kernel.Random;

/// <summary>
/// Hashes that are the same on every machine, process and .NET version (unlike
/// <see cref="string.GetHashCode()"/>), used to derive random-stream keys from names.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>FNV-1a over the UTF-16 code units of the string, then a final mix.</summary>
    public static ulong Of(string text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ (byte)c) * FnvPrime;
            h = (h ^ (byte)(c >> 8)) * FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>Combines two values so that order matters and small changes spread to all bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b) => Mix(a ^ Mix(b + 0x9E3779B97F4A7C15UL));

    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
