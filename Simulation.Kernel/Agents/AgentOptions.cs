namespace IsdnSim.Kernel.Agents;

/// <summary>Per-run switches for what agents record beyond the standard figures: every step, and a trace of everything that happens.</summary>
public sealed record AgentOptions(bool RecordSteps = false, bool Trace = false)
{
    public static readonly AgentOptions Default = new();

    /// <summary>The most messages an agent's call takes in order straight from its inbox (at most 32, the default).</summary>
    public const int MostInboxInOrder = 32;

    /// <summary>
    /// How many messages an agent's call takes in order straight from its inbox; a larger inbox
    /// goes through the agent's heap of messages (with 0 every message does). Either way the agent
    /// takes the same messages at the same moments: tests compare the two ways. The silos' run
    /// specification does not carry it (they run the default).
    /// </summary>
    internal int InboxInOrder { get; init; } = MostInboxInOrder;
}
