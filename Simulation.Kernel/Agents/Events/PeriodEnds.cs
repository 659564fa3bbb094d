namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The legal period <paramref name="Period"/> (a period step) has run its course.</summary>
internal readonly record struct PeriodEnds(long Period);
