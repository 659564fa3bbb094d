namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// Agents named in a scenario: one agent by its id, or (<see cref="Below"/>) the agent and every
/// agent below it in the administrative tree. Written <c>id</c> or <c>below:id</c>.
/// </summary>
public readonly record struct AgentSelector(string AgentId, bool Below = false)
{
    private const string BelowPrefix = "below:";

    public static AgentSelector One(string agentId) => new(agentId);

    public static AgentSelector Subtree(string agentId) => new(agentId, Below: true);

    public static AgentSelector Parse(string text) =>
        text.StartsWith(BelowPrefix, StringComparison.Ordinal) ? Subtree(text[BelowPrefix.Length..]) : One(text);

    /// <summary>The same selector for an agent that replaced this one's (after a merge).</summary>
    public AgentSelector WithAgent(string agentId) => this with { AgentId = agentId };

    public override string ToString() => Below ? BelowPrefix + AgentId : AgentId;
}
