using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// The costs section: the yearly cost of a post per pay group, the pay group of agencies that name
/// none (by agent kind), the overhead surcharge, the workplace cost and further yearly items. Read
/// before the agents, whose agencies name pay groups; the pay groups are remembered as declared
/// (even with a bad amount), so that an agency naming one is not an error too.
/// </summary>
internal sealed class CostBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    /// <summary>The section as read; <see cref="CostTable.Definition"/> is null if it had errors.</summary>
    public CostTable BindCosts(YamlNode node)
    {
        var table = new CostTable();
        _refs.PayGroups = table;
        if (_r.Mapping(node, "costs") is not { } map)
        {
            return table;
        }

        _r.CheckKeys(map, "costs", ScenarioKeys.Costs);
        var ok = true;
        if (_r.Require(map, "pay_groups", "costs", " (the yearly cost of one post per pay group, e.g. 'EG 9c: 72_300 EUR/year')") is { } gn
            && _r.Mapping(gn, "costs.pay_groups") is { } groups)
        {
            foreach (var (keyNode, valueNode) in groups.Children)
            {
                if (_r.Scalar(keyNode, "the name of a pay group") is not { } name)
                {
                    ok = false;
                    continue;
                }

                var perYear = _values.MoneyPerYear(valueNode, $"the yearly cost of a post in pay group '{name}'");
                ok &= perYear is not null;
                table.PayGroups[name] = perYear;
            }

            if (groups.Children.Count == 0)
            {
                _r.Error(groups, "costs.pay_groups must name at least one pay group");
                ok = false;
            }
        }
        else
        {
            ok = false;
        }

        if (YamlReader.Get(map, "defaults") is { } dn && _r.Mapping(dn, "costs.defaults") is { } defaults)
        {
            foreach (var (keyNode, valueNode) in defaults.Children)
            {
                var kindText = _r.Scalar(keyNode, "an agent kind in costs.defaults");
                var group = PayGroup(valueNode, $"the default pay group of {kindText ?? "a kind"}");
                AgentKind kind = default;
                if (kindText is not null && !AgentKinds.TryParse(kindText, out kind))
                {
                    _r.Error(keyNode, $"unknown agent kind '{kindText}' in costs.defaults{DidYouMean.Hint(kindText, AgentKinds.All)} (expected one of: {AgentKinds.Table.Expected})");
                    kindText = null;
                }

                if (kindText is null || group is null)
                {
                    // The kind keeps its (broken) default, so that its agencies are not reported as having none.
                    if (kindText is not null)
                    {
                        table.Defaults[kind] = null;
                    }

                    ok = false;
                    continue;
                }

                table.Defaults[kind] = group;
            }
        }

        var overhead = YamlReader.Get(map, "overhead") is { } on
            ? _r.Number(on, "costs.overhead (a share of staff cost: 0.2 is 20 %)", 0, 10)
            : 0;
        var workplace = YamlReader.Get(map, "workplace") is { } wn ? _values.MoneyPerYear(wn, "costs.workplace (per post)") : 0;
        var items = YamlReader.Get(map, "items") is { } itn ? BindItems(itn) : [];
        if (!ok || overhead is null || workplace is null || items is null)
        {
            return table;
        }

        table.Definition = new CostsDefinition(
            table.PayGroups.ToDictionary(kv => kv.Key, kv => kv.Value!.Value, StringComparer.Ordinal), overhead.Value, workplace.Value, items);
        return table;
    }

    /// <summary>A pay group named at <paramref name="node"/>: it must be one of costs.pay_groups.</summary>
    public string? PayGroup(YamlNode node, string what)
    {
        if (_r.Scalar(node, what) is not { } name)
        {
            return null;
        }

        if (_refs.PayGroups is not { } table)
        {
            _r.Error(node, $"{what} names pay group '{name}', but the scenario has no 'costs' section with the yearly cost of each pay group");
            return null;
        }

        if (!table.PayGroups.ContainsKey(name))
        {
            _r.Error(node, $"{what}: unknown pay group '{name}'{DidYouMean.Hint(name, table.PayGroups.Keys)} (costs.pay_groups has: {string.Join(", ", table.PayGroups.Keys)})");
            return null;
        }

        return name;
    }

    private List<YearlyCostDefinition>? BindItems(YamlNode node)
    {
        if (_r.Sequence(node, "costs.items") is not { } seq)
        {
            return null;
        }

        var items = new List<YearlyCostDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in seq.Children)
        {
            if (_r.Mapping(entry, "a cost item") is not { } map)
            {
                ok = false;
                continue;
            }

            _r.CheckKeys(map, "a cost item", ScenarioKeys.CostItem);
            if (Item(map, "a cost item", withAgent: true) is not { } item)
            {
                ok = false;
                continue;
            }

            if (!ids.Add(item.Id))
            {
                _r.Error(YamlReader.Get(map, "id")!, $"duplicate cost item id '{item.Id}'");
                ok = false;
                continue;
            }

            items.Add(item);
        }

        return ok ? items : null;
    }

    /// <summary>
    /// One yearly cost as an item of the costs section or an add_cost operation writes it: id, name,
    /// agent, and an amount, posts of a pay group, or both. An operation reads who bears it itself
    /// (<paramref name="withAgent"/> false: an agent, or every holder of a role), and the agent is empty here.
    /// </summary>
    public YearlyCostDefinition? Item(YamlMappingNode map, string what, bool withAgent)
    {
        var id = _r.Require(map, "id", what) is { } idn ? _r.Id(idn, $"the id of {what}") : null;
        var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
        string? agent = withAgent ? null : "";
        if (withAgent && _r.Require(map, "agent", what, " (the agent that bears the cost)") is { } an && _r.Id(an, $"the agent of {what}") is { } agentId)
        {
            agent = agentId;
            _refs.CostAgents.Add((agentId, an, what));
        }

        var amount = YamlReader.Get(map, "amount") is { } amn ? _values.MoneyPerYear(amn, $"the amount of {what}") : 0;
        var posts = YamlReader.Get(map, "posts") is { } pn ? _r.Number(pn, $"the posts of {what}", 0, ScenarioLimits.MaxStaff) : 0;
        var group = YamlReader.Get(map, "pay_group") is { } gn ? PayGroup(gn, $"the pay group of {what}") : null;
        var pay = group is not null ? _refs.PayGroups!.Of(group) : null;
        var shape = true;
        if (YamlReader.Get(map, "amount") is null && YamlReader.Get(map, "posts") is null)
        {
            _r.Error(map, $"{what} needs 'amount' (such as {Units.MoneyExamples}), or 'posts' and 'pay_group', or both");
            shape = false;
        }
        else if (YamlReader.Get(map, "posts") is { } postsNode && YamlReader.Get(map, "pay_group") is null)
        {
            _r.Error(postsNode, $"the posts of {what} need a 'pay_group' to be costed");
            shape = false;
        }
        else if (YamlReader.Get(map, "pay_group") is { } groupNode && YamlReader.Get(map, "posts") is null)
        {
            _r.Error(groupNode, $"the pay group of {what} needs 'posts' (how many posts of it)");
            shape = false;
        }

        if (!shape || id is null || name is null || agent is null || amount is null || posts is null || (YamlReader.Get(map, "pay_group") is not null && pay is null))
        {
            return null;
        }

        return new YearlyCostDefinition(id, name, agent, amount.Value, posts.Value, pay, YamlReader.At(map));
    }
}

/// <summary>The pay groups as declared (a null cost where its amount had an error), the default pay group per agent kind, and the section as a definition once it is free of errors.</summary>
internal sealed class CostTable
{
    public Dictionary<string, double?> PayGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>The pay group of agencies that name none, by agent kind; null where the default written had an error.</summary>
    public Dictionary<AgentKind, string?> Defaults { get; } = [];

    public CostsDefinition? Definition { get; set; }

    /// <summary>The post cost of a declared pay group, or null if its amount had an error (already reported).</summary>
    public PostCost? Of(string payGroup) => PayGroups.TryGetValue(payGroup, out var v) && v is { } perYear ? new PostCost(payGroup, perYear) : null;
}
