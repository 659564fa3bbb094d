namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The next item of everyday work arrives at <paramref name="Agency"/>.</summary>
internal readonly record struct BackgroundArrival(int Agency);
