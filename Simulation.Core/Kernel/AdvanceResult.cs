namespace IsdnSim.Core.Kernel;

/// <summary>What an agent returns from one window: messages to route, and when it next has something to do.</summary>
public sealed record AdvanceResult(Message[] Outbox, double Next, long Events);
