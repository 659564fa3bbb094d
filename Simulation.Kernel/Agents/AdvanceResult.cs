namespace IsdnSim.Kernel.Agents;

/// <summary>What an agent returns from one window: messages to route, when it next has something to do, and (when traced) what it did.</summary>
public sealed record AdvanceResult(Message[] Outbox, double Next, long Events)
{
    public Tracing.TraceEvent[] Trace { get; init; } = [];
}
