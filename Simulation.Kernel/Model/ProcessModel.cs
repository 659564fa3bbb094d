namespace IsdnSim.Kernel.Model;

public sealed record ProcessModel(
    int Index,
    string Id,
    string Name,
    IReadOnlyList<StepModel> Steps,
    int[] StartSteps,
    int FinalStep,
    ulong IdHash)
{
    /// <summary>Municipalities a linear measure crosses, the owner first; 0 when it stays at the owner.</summary>
    public int Segments { get; init; }

    /// <summary>Priority of its work at agencies with a priority queue; int.MaxValue: the agency's project priority.</summary>
    public int Priority { get; init; } = int.MaxValue;
}
