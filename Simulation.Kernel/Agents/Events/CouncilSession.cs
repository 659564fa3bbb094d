namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The council <paramref name="Agency"/> meets and decides what its agenda holds.</summary>
internal readonly record struct CouncilSession(int Agency);
