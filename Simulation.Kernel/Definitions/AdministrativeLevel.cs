namespace IsdnSim.Kernel.Definitions;

/// <summary>The levels a jurisdiction rule can name instead of a particular agent.</summary>
public enum AdministrativeLevel
{
    Amt,
    District,
    State,
}
