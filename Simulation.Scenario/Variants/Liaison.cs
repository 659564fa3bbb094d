using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>A liaison at an operator (Kommunalbeauftragte): municipal requests get a priority and a response time.</summary>
public sealed record Liaison(string Agent, int Priority, CalendarDays? Response, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("liaison", ["agent", "priority", "response"], Bind);

    private static Liaison? Bind(IOperationReader r)
    {
        var agent = r.Require("agent") ? r.Agent("agent") : null;
        var priority = r.Has("priority") ? r.Integer("priority", $"the priority of {r.What}", 0, 9) : 0;
        var response = r.Duration("response", $"the response time of {r.What}");
        return agent is not null && priority is { } p && (!r.Has("response") || response is not null)
            ? new Liaison(agent, p, response, r.Position)
            : null;
    }

    public override string Describe() =>
        $"liaison at '{Agent}': municipal requests at priority {Priority}" + (Response is { } r ? $", response {F(r.Value)} d" : "");

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        // One pass that finds the agent and changes it (Germany's variants name 32 liaisons, each
        // over all 13,000 agents); the failures are those of a search first, as before.
        var agents = new AgentDefinition[s.Agents.Count];
        AgentDefinition? agent = null;
        for (var i = 0; i < agents.Length; i++)
        {
            var a = s.Agents[i];
            if (a.Id != Agent)
            {
                agents[i] = a;
                continue;
            }

            agent ??= a;
            agents[i] = a with
            {
                Agencies = [.. a.Agencies.Select(g => g.IsCouncil ? g : g with { PriorityQueue = true, ProjectPriority = Priority })],
            };
        }

        if (!Found(agent, Agent, this, variant).Agencies.Any(g => !g.IsCouncil))
        {
            throw Fail(this, variant, $"liaison: '{Agent}' has no agency with staff");
        }

        var result = s with { Agents = agents };
        return Response is { } r ? AddHandoffRule(result, Levels.Name(Level.Municipal), Agent, r, Position, variant) : result;
    }
}
