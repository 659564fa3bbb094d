namespace IsdnSim.Kernel.Agents.Events;

/// <summary>A shock obliges this agent to start a project: the agent's mandate number <paramref name="Mandate"/>.</summary>
internal readonly record struct MandateDue(int Mandate);
