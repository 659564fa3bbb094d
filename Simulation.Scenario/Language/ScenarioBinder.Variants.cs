using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Variants;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Variants: named lists of operations, each checked here and again once applied.</summary>
internal sealed partial class ScenarioBinder
{
    private readonly List<(string Id, YamlNode Node, string What)> _variantAgentRefs = [];
    private readonly HashSet<string> _variantCreatedIds = new(StringComparer.Ordinal);
    private readonly List<(string Role, YamlNode Node)> _variantRoleRefs = [];

    private List<VariantDefinition> BindVariants(YamlNode node, double hoursPerDay)
    {
        var variants = new List<VariantDefinition>();
        if (_r.Sequence(node, "variants") is not { } seq)
        {
            return variants;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (_r.Mapping(item, "a variant") is not { } map)
            {
                continue;
            }

            _r.CheckKeys(map, "a variant", ScenarioKeys.Variant);
            var id = _r.Require(map, "id", "a variant") is { } idn ? _r.Id(idn, "the variant id") : null;
            if (id is not null && !ids.Add(id))
            {
                _r.Error(YamlReader.Get(map, "id")!, $"duplicate variant id '{id}'");
            }

            var what = $"variant '{id ?? "?"}'";
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var description = YamlReader.Get(map, "description") is { } dn ? _r.Scalar(dn, $"the description of {what}") : null;
            var operations = new List<VariantOperation>();
            if (YamlReader.Get(map, "operations") is { } on && _r.Sequence(on, $"the operations of {what}") is { } ops)
            {
                foreach (var opNode in ops.Children)
                {
                    if (_r.Mapping(opNode, $"an operation of {what}") is { } opMap && BindOperation(opMap, what) is { } op)
                    {
                        operations.Add(op);
                    }
                }
            }

            if (id is not null && name is not null)
            {
                variants.Add(new VariantDefinition(id, name, description, operations, YamlReader.At(map)));
            }
        }

        return variants;
    }

    private VariantOperation? BindOperation(YamlMappingNode map, string variant)
    {
        var opNode = _r.Require(map, "op", $"an operation of {variant}");
        var op = opNode is null ? null : _r.Scalar(opNode, "the operation");
        if (op is null)
        {
            return null;
        }

        if (!ScenarioKeys.Operations.TryGetValue(op, out var keys))
        {
            _r.Error(opNode!, $"unknown operation '{op}'{DidYouMean.Hint(op, ScenarioKeys.Operations.Keys)} (expected one of: {string.Join(", ", ScenarioKeys.Operations.Keys)})");
            return null;
        }

        _r.CheckKeys(map, $"a {op} operation", keys);
        var at = YamlReader.At(map);
        var what = $"the {op} operation of {variant}";
        switch (op)
        {
            case "merge_districts":
            {
                var districts = AgentList(map, "districts", what, required: true);
                var into = NewId(map, "into", what);
                var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name in {what}") : into;
                var factor = YamlReader.Get(map, "staff_factor") is { } fn ? _r.Number(fn, $"staff_factor of {what}", 0, 10, minExclusive: true) : 1.0;
                var handoff = YamlReader.Get(map, "handoff") is { } hn ? CalendarDuration(hn, $"the handoff of {what}", null) : (CalendarDays?)null;
                if (districts is { Count: < 2 })
                {
                    _r.Error(map, $"{what} needs at least two districts");
                }

                return districts is { Count: >= 2 } && into is not null && name is not null && factor is { } f && (YamlReader.Get(map, "handoff") is null || handoff is not null)
                    ? new MergeDistricts(districts, into, name, f, handoff, at)
                    : null;
            }

            case "scale_staff":
            {
                var kind = OptionalKind(map, what);
                var agents = AgentList(map, "agents", what, required: false);
                var agency = YamlReader.Get(map, "agency") is { } an ? _r.Id(an, $"the agency of {what}") : null;
                var role = OptionalRole(map, "role", what);
                var factor = _r.Require(map, "factor", what) is { } fn ? _r.Number(fn, $"the factor of {what}", 0, 10, minExclusive: true) : null;
                return factor is { } f ? new ScaleStaff(kind, agents, agency, role, f, at) : null;
            }

            case "delegate":
            {
                var role = _r.Require(map, "role", what) is not null ? OptionalRole(map, "role", what) : null;
                var min = _r.Require(map, "min_population", what) is { } mn ? (int?)_r.Integer(mn, $"min_population of {what}", 0, ScenarioLimits.MaxPopulation) : null;
                var share = YamlReader.Get(map, "support_share") is { } sn ? _r.Number(sn, $"support_share of {what}", 0, 0.95) : 0;
                return role is not null && min is { } m && share is { } s ? new DelegateRole(role, m, s, at) : null;
            }

            case "working_group":
            {
                var group = BindGroupBody(map, what, inVariant: true);
                return group is null
                    ? null
                    : new AddWorkingGroup(group.Id, [.. group.Members.Where(m => !m.StartsWith("below:", StringComparison.Ordinal))],
                        group.Members.FirstOrDefault(m => m.StartsWith("below:", StringComparison.Ordinal))?[6..], group.Every, at);
            }

            case "liaison":
            {
                var agent = _r.Require(map, "agent", what) is { } an ? AgentRef(an, what) : null;
                var priority = YamlReader.Get(map, "priority") is { } pn ? (int?)_r.Integer(pn, $"the priority of {what}", 0, 9) : 0;
                var response = YamlReader.Get(map, "response") is { } rn ? CalendarDuration(rn, $"the response time of {what}", null) : (CalendarDays?)null;
                return agent is not null && priority is { } p && (YamlReader.Get(map, "response") is null || response is not null)
                    ? new Liaison(agent, p, response, at)
                    : null;
            }

            case "council_cadence":
            {
                var kind = OptionalKind(map, what);
                var agents = AgentList(map, "agents", what, required: false);
                var every = _r.Require(map, "every", what) is { } en ? CalendarDuration(en, $"how often councils meet in {what}", null) : null;
                var agenda = YamlReader.Get(map, "agenda") is { } an ? (int?)_r.Integer(an, $"the agenda of {what}", 1, 100_000) : null;
                return every is { } e && (YamlReader.Get(map, "agenda") is null || agenda is not null) ? new CouncilCadence(kind, agents, e, agenda, at) : null;
            }

            case "handoff":
            {
                var between = _r.Require(map, "between", what) is { } bn ? _r.ScalarList(bn, $"'between' of {what}") : null;
                var latency = _r.Require(map, "latency", what) is { } ln ? CalendarDuration(ln, $"the latency of {what}", null) : null;
                if (between is { Count: not 2 })
                {
                    _r.Error(map, $"'between' of {what} must name two levels or agents, found {between.Count}");
                    return null;
                }

                if (between is not null)
                {
                    foreach (var (endpoint, node) in between.Where(b => !ScenarioKeys.Levels.Contains(b.Value)))
                    {
                        _variantAgentRefs.Add((endpoint, node, what));
                    }
                }

                return between is not null && latency is { } l ? new SetHandoff(between[0].Value, between[1].Value, l, at) : null;
            }

            default: // unify
            {
                var district = _r.Require(map, "district", what) is { } dn ? AgentRef(dn, what) : null;
                var into = NewId(map, "into", what);
                var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name in {what}") : into;
                return district is not null && into is not null && name is not null ? new Unify(district, into, name, at) : null;
            }
        }
    }

    private string? AgentRef(YamlNode node, string what)
    {
        var id = _r.Id(node, $"an agent in {what}");
        if (id is not null)
        {
            _variantAgentRefs.Add((id, node, what));
        }

        return id;
    }

    private List<string>? AgentList(YamlMappingNode map, string key, string what, bool required)
    {
        var node = required ? _r.Require(map, key, what) : YamlReader.Get(map, key);
        if (node is null || _r.ScalarList(node, $"'{key}' of {what}") is not { } list)
        {
            return null;
        }

        foreach (var (id, itemNode) in list)
        {
            _variantAgentRefs.Add((id, itemNode, what));
        }

        return [.. list.Select(l => l.Value)];
    }

    /// <summary>The id of an agent an operation creates; later operations may name it.</summary>
    private string? NewId(YamlMappingNode map, string key, string what)
    {
        var id = _r.Require(map, key, what) is { } node ? _r.Id(node, $"'{key}' of {what}") : null;
        if (id is not null)
        {
            _variantCreatedIds.Add(id);
        }

        return id;
    }

    private string? OptionalRole(YamlMappingNode map, string key, string what)
    {
        if (YamlReader.Get(map, key) is not { } node || _r.Id(node, $"the role of {what}") is not { } role)
        {
            return null;
        }

        _variantRoleRefs.Add((role, node));
        return role;
    }

    private AgentKind? OptionalKind(YamlMappingNode map, string what)
    {
        if (YamlReader.Get(map, "kind") is not { } node || _r.Scalar(node, $"the kind in {what}") is not { } text)
        {
            return null;
        }

        if (AgentKinds.TryParse(text, out var kind))
        {
            return kind;
        }

        _r.Error(node, $"unknown agent kind '{text}'{DidYouMean.Hint(text, AgentKinds.All)} (expected one of: {string.Join(", ", AgentKinds.All)})");
        return null;
    }

    private void CheckVariantReferences(List<VariantDefinition> variants, HashSet<string> agentIds, HashSet<string> roles)
    {
        // An id an operation creates (merge_districts, unify) may be named by later operations;
        // whether it exists by then is checked when the variant is applied.
        foreach (var (id, node, what) in _variantAgentRefs)
        {
            if (!agentIds.Contains(id) && !_variantCreatedIds.Contains(id))
            {
                _r.Error(node, $"{what} names '{id}', which is not an agent{DidYouMean.Hint(id, agentIds)}");
            }
        }

        foreach (var (role, node) in _variantRoleRefs)
        {
            if (!roles.Contains(role))
            {
                _r.Error(node, $"role '{role}' has no entry in jurisdiction{DidYouMean.Hint(role, roles)}");
            }
        }
    }

    /// <summary>Applies every variant and checks the result as the scenario itself was checked, so 'validate' catches a broken variant too.</summary>
    private void CheckVariantsApply(ScenarioDefinition definition)
    {
        foreach (var variant in definition.Variants)
        {
            try
            {
                var applied = VariantApplier.Apply(definition, variant.Id);
                foreach (var (at, message) in ScenarioChecks.Check(applied))
                {
                    // At the operation when the problem is one it wrote (a working group, a hand-off rule), else at the variant.
                    var where = variant.Operations.Any(o => o.Position == at) ? at : variant.Position;
                    _r.Error(where, $"variant '{variant.Id}' leaves the scenario unusable: {message}");
                }
            }
            catch (ScenarioException e)
            {
                foreach (var d in e.Diagnostics)
                {
                    _r.Error(d.Position, d.Message);
                }
            }
        }
    }
}
