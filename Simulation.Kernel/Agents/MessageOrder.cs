using System.Runtime.CompilerServices;

namespace IsdnSim.Kernel.Agents;

/// <summary>Incoming messages by (delivery, sender, sender sequence).</summary>
internal struct MessageOrder : IHeapOrder<Message>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(in Message a, in Message b)
    {
        if (a.Delivery != b.Delivery)
        {
            return a.Delivery < b.Delivery;
        }

        return a.From != b.From ? a.From < b.From : a.Sequence < b.Sequence;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Time(in Message item) => item.Delivery;
}
