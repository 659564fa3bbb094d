using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Agents.Events;

namespace IsdnSim.Kernel.Agents;

/// <summary>Local events by (time, sequence).</summary>
internal struct EventOrder : IHeapOrder<ScheduledEvent>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(in ScheduledEvent a, in ScheduledEvent b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Time(in ScheduledEvent item) => item.Time;
}
