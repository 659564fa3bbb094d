namespace IsdnSim.Kernel.Agents;

/// <summary>How a <see cref="MinHeap{T, TOrder}"/> orders its items; a struct, so the JIT inlines the comparison.</summary>
internal interface IHeapOrder<T>
{
    static abstract bool Less(in T a, in T b);

    static abstract double Time(in T item);
}
