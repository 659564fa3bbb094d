using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>A finished project: arrival and finish in days since the start, where its time went, and what decided it.</summary>
/// <remarks>The constructor is inlined: a call passed the 56-byte path on the stack once per finished project.</remarks>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
public readonly record struct ProjectRecord(ProjectId Id, double Arrival, double Finish, PathSummary Path)
{
    public double LeadTime => Finish - Arrival;

    public double Deadline { get; init; } = double.PositiveInfinity;

    public int Shock { get; init; } = -1;

    public int Group { get; init; } = -1;

    public DominantStep Dominant { get; init; } = DominantStep.None;

    public int Handoffs { get; init; }

    public int Reworks { get; init; }

    public bool OnTime => Finish <= Deadline;
}
