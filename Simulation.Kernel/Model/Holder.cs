namespace IsdnSim.Kernel.Model;

/// <summary>The agent and the agency of it that does a step for a given project owner.</summary>
public readonly record struct Holder(int Agent, int Agency);
