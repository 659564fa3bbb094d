namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The next project of demand source <paramref name="Source"/> arrives.</summary>
internal readonly record struct Arrival(int Source);
