using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// A yearly cost the variant brings: a sum of money (an IT platform's licences and operation) or
/// posts of a pay group (liaison officers, an e-file team), borne by one agent, or by every agent
/// that holds a role (each building authority, each administration with a planning office), as an
/// item each (<c>id@agent</c>). Costs change no timing; they are reported beside the lead times.
/// </summary>
public sealed record AddCost(YearlyCostDefinition Item, string? Agent, string? Role, SourcePosition Position) : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("add_cost", ["id", "name", "agent", "role", "amount", "posts", "pay_group"], Bind);

    private static AddCost? Bind(IOperationReader r)
    {
        var agent = r.Agent("agent");
        var role = r.Role("role");
        if (r.Has("agent") == r.Has("role"))
        {
            r.Error($"{r.What} needs 'agent' (who bears the cost) or 'role' (every agent holding it bears it once), not both");
            return null;
        }

        return r.CostItem() is { } item && (agent is not null || role is not null) ? new AddCost(item, agent, role, r.Position) : null;
    }

    public override string Describe()
    {
        var parts = new List<string>();
        if (Item.Amount > 0 || Item.Pay is null)
        {
            parts.Add($"{F(Item.Amount)} EUR a year");
        }

        if (Item.Pay is { } pay)
        {
            parts.Add($"{F(Item.Posts)} posts of {pay.PayGroup}");
        }

        var who = Agent is not null ? $"at '{Agent}'" : $"at every agent holding '{Role}'";
        return $"add cost '{Item.Id}' {who}: {string.Join(" and ", parts)}";
    }

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        if (s.Costs is not { } costs)
        {
            throw Fail(this, variant, "add_cost needs the scenario's 'costs' section");
        }

        List<YearlyCostDefinition> added;
        if (Agent is not null)
        {
            FindAgent(s, Agent, this, variant);
            added = [Item with { Agent = Agent, Position = Position }];
        }
        else
        {
            added = [.. s.Agents.Where(a => a.Agencies.Any(g => g.Roles.Contains(Role!)))
                .Select(a => Item with { Id = $"{Item.Id}@{a.Id}", Agent = a.Id, Position = Position })];
            if (added.Count == 0)
            {
                throw Fail(this, variant, $"add_cost: no agent holds role '{Role}'");
            }
        }

        // The ids in a set: an item for every holder of a role (every building authority of Germany)
        // against the items already there was a search of the whole list per item.
        var existing = costs.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var item in added.Where(i => existing.Contains(i.Id)))
        {
            throw Fail(this, variant, $"add_cost: there is a cost item '{item.Id}' already; give this one another id");
        }

        return s with { Costs = costs with { Items = [.. costs.Items, .. added] } };
    }
}
