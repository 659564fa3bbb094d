namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>The share asked for by <paramref name="Request"/> (of step <paramref name="Step"/>) is done.</summary>
public readonly record struct SupportReply(int Step, long Request);
