namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>Approval step <paramref name="Approval"/> returns the file for rework.</summary>
public readonly record struct ReworkRequest(int Approval);
