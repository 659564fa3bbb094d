namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>The reworked file is back for approval step <paramref name="Approval"/>.</summary>
public readonly record struct ReworkDone(int Approval);
