namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The intake window of <paramref name="Agency"/> opens: held applications are admitted.</summary>
internal readonly record struct IntakeOpens(int Agency);
