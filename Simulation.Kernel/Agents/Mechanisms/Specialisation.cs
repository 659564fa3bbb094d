using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Steps that need a specialist (Spezialisierung, the district's strength in the research): an
/// agency with fewer posts than the step asks for is not specialised, does its own share of the
/// work with more effort, and an approval there returns files more often. Draws are not changed,
/// only scaled or compared against a higher threshold, so variants stay paired.
/// </summary>
internal static class Specialisation
{
    /// <summary>Whether <paramref name="agency"/> lacks the posts <paramref name="step"/> needs to be done by a specialist.</summary>
    public static bool Lacks(StepModel step, AgencyModel agency) => step.Specialist is { } s && agency.Staff < s.MinStaff;

    /// <summary>The factor on the holder's own effort: the step's factor where the agency is not specialised, else 1.</summary>
    public static double EffortFactor(StepModel step, AgencyModel agency) => Lacks(step, agency) ? step.Specialist!.EffortFactor : 1;

    /// <summary>What is added to an approval's return probability where the agency is not specialised, else 0.</summary>
    public static double ExtraReturns(StepModel step, AgencyModel agency) => Lacks(step, agency) ? step.Specialist!.ExtraReturns : 0;
}
