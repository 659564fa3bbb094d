namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The time a holder had for the step watched by <paramref name="Fiction"/> is up: unless finished, the step counts as done by law.</summary>
internal readonly record struct FictionDue(long Fiction);
