namespace IsdnSim.Core.Model;

public sealed record ProcessModel(
    int Index,
    string Id,
    string Name,
    IReadOnlyList<StepModel> Steps,
    int[] StartSteps,
    int FinalStep,
    ulong IdHash);
