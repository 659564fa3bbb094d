using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Asks the processor to bring an object's or an array's first cache line near before it is read
/// (x86 <c>prefetcht0</c>; nothing where that instruction is missing). A hint only: it reads and
/// changes nothing, cannot fault, and an object the collector has moved since merely costs a wasted
/// line. The in-process engine's window calls use it to load the next agents' state while the
/// current agent runs (Runtime.WindowCalls): at Germany's 13,000 agents none is in cache when
/// it is called.
/// </summary>
internal static class CacheHints
{
    /// <summary>
    /// The first line of <paramref name="o"/>'s fields (nothing for null): any object seen as a
    /// <see cref="StrongBox{T}"/> of a byte, whose one field lies where every object's fields begin.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(object? o)
    {
        if (Sse.IsSupported && o is not null)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.As<StrongBox<byte>>(o).Value));
        }
    }

    /// <summary>
    /// The <paramref name="lines"/> cache lines after the first of <paramref name="o"/>'s fields: the
    /// objects allocated right after it, as long as they lie there. Past the object's end this is
    /// memory the hint does not own, which a prefetch may name (it never faults): each line past them
    /// is at most a line of no use.
    /// </summary>
    public static unsafe void PrefetchFollowing(object o, int lines)
    {
        if (Sse.IsSupported)
        {
            var first = (byte*)Unsafe.AsPointer(ref Unsafe.As<StrongBox<byte>>(o).Value);
            for (var i = 1; i <= lines; i++)
            {
                Sse.Prefetch0(first + (64 * i));
            }
        }
    }

    /// <summary>The first line of <paramref name="array"/>'s elements (nothing for null or empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(T[]? array)
    {
        if (Sse.IsSupported && array is { Length: > 0 })
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)));
        }
    }
}
