using IsdnSim.Core.Random;

namespace IsdnSim.Core.Model;

public sealed record StepModel(
    int Index,
    string Id,
    string Name,
    int Role,
    Distribution Effort,
    int[] Predecessors,
    int[] Successors,
    ulong IdHash)
{
    public bool IsFinal => Successors.Length == 0;
}
