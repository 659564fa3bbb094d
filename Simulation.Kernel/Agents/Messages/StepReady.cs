namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>A predecessor of <paramref name="Step"/> is done; the receiver holds the step.</summary>
public readonly record struct StepReady(int Step);
