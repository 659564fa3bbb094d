namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// Answers "who holds role R for municipality M?": the municipality itself, its administration
/// (its Amt, else itself), the first agent above it at a level (Amt, district, state; an independent city is its own district), or a
/// named agent, unless an override names another for that municipality.
/// </summary>
public sealed class JurisdictionResolver
{
    /// <summary>Marks a holder known to have no agency for a role (the failure's message names the municipality, so it is not kept).</summary>
    private static readonly Resolution NoAgency = Resolution.Fail("no agency");

    private readonly Dictionary<string, AgentDefinition> _agents;
    private readonly Dictionary<string, JurisdictionRule> _rules;
    private readonly Lazy<ILookup<string, AgentDefinition>> _children;
    private readonly IReadOnlyList<AgentDefinition> _agentList;
    private readonly IReadOnlyList<JurisdictionRule> _ruleList;
    private readonly int[]?[] _nearestBelow; // [top][role]: the index of the agent found below top plus one, -1 for none, 0 before the search
    private readonly bool[]?[] _relevant; // [role]: HolderAncestors by agent index
    private readonly Resolution?[]?[] _held; // [holder][role]: the holder's answer, the same for every municipality it holds the role for
    private readonly Dictionary<string, int> _agentIndex;
    private readonly Dictionary<string, int> _roleIndex;
    private readonly Resolution?[]?[] _resolved; // [agent][role], filled as asked
    private readonly Dictionary<string, AgentDefinition[]> _ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Role, AgentKind? Kind), HashSet<string>> _holderAncestors = [];

    public JurisdictionResolver(IReadOnlyList<AgentDefinition> agents, IReadOnlyList<JurisdictionRule> rules)
    {
        _agents = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _rules = rules.ToDictionary(r => r.Role, StringComparer.Ordinal);
        _agentIndex = new Dictionary<string, int>(agents.Count, StringComparer.Ordinal);
        for (var i = 0; i < agents.Count; i++)
        {
            _agentIndex[agents[i].Id] = i;
        }

        _roleIndex = new Dictionary<string, int>(rules.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            _roleIndex[rules[i].Role] = i;
        }

        _resolved = new Resolution?[]?[agents.Count];
        _nearestBelow = new int[]?[agents.Count];
        _held = new Resolution?[]?[agents.Count];
        _relevant = new bool[]?[rules.Count];
        (_agentList, _ruleList) = (agents, rules);
        _children = new(() => agents.Where(a => a.Parent is not null).ToLookup(a => a.Parent!, StringComparer.Ordinal));
    }

    public bool HasRule(string role) => _rules.ContainsKey(role);

    /// <summary>The holding agent and the agency of it that holds the role, or why there is none.</summary>
    /// <remarks>
    /// Answers are kept in an array by agent and role, found through two ordinal lookups: checking
    /// Germany asks about two million times, and a dictionary keyed by the pair of strings hashed
    /// both strings each time. A name that is no agent or no role is answered afresh each time.
    /// </remarks>
    public Resolution Resolve(string municipality, string role) =>
        _agentIndex.TryGetValue(municipality, out var agent) && _roleIndex.TryGetValue(role, out var r)
            ? Resolve(agent, r)
            : ResolveUncached(municipality, role);

    /// <summary>
    /// As <see cref="Resolve(string, string)"/> for the agent at <paramref name="agent"/> in the list
    /// the resolver was made with and the role of the rule at <paramref name="role"/>
    /// (<see cref="AgentIndex"/>, <see cref="RoleIndex"/>), for callers that ask about the same
    /// agents and roles many times.
    /// </summary>
    public Resolution Resolve(int agent, int role)
    {
        var row = _resolved[agent] ??= new Resolution?[_ruleList.Count];
        return row[role] ??= ResolveUncached(_agentList[agent].Id, _ruleList[role].Role);
    }

    /// <summary>Where the agent <paramref name="id"/> is in the list the resolver was made with, or -1.</summary>
    public int AgentIndex(string id) => _agentIndex.GetValueOrDefault(id, -1);

    /// <summary>Where the rule for <paramref name="role"/> is in the list the resolver was made with, or -1 for a role without one.</summary>
    public int RoleIndex(string role) => _roleIndex.GetValueOrDefault(role, -1);

    private Resolution ResolveUncached(string municipality, string role)
    {
        if (!_rules.TryGetValue(role, out var rule))
        {
            return Resolution.Fail($"role '{role}' has no entry in jurisdiction");
        }

        string holderId;
        if (rule.Overrides.TryGetValue(municipality, out var overridden))
        {
            holderId = overridden;
        }
        else
        {
            switch (rule.Holder.Kind)
            {
                case HolderKind.Self:
                    holderId = municipality;
                    break;
                case HolderKind.Administration:
                    // Amtsangehörige Gemeinden are administered by their Amt, amtsfreie by themselves.
                    holderId = FirstAbove(municipality, HolderKind.Amt)?.Id ?? municipality;
                    break;
                case HolderKind.Nearest:
                    var kind = rule.Holder.NearestKind;
                    AgentDefinition? nearest = null;
                    foreach (var a in Ancestors(municipality))
                    {
                        if ((nearest = NearestBelow(a.Id, role, kind)) is not null)
                        {
                            break;
                        }
                    }

                    if (nearest is null)
                    {
                        var what = kind is { } k ? $"{AgentKinds.Name(k)} holding '{role}'" : $"agent holding '{role}'";
                        return Resolution.Fail($"role '{role}' is held by the nearest {what}, but there is none in the tree above or beside '{municipality}'");
                    }

                    holderId = nearest.Id;
                    break;
                case HolderKind.Amt or HolderKind.District or HolderKind.State:
                    var above = FirstAbove(municipality, rule.Holder.Kind);
                    if (above is null)
                    {
                        var word = HolderWords.Name(rule.Holder.Kind);
                        return Resolution.Fail($"role '{role}' is held by the {word} of each municipality, but '{municipality}' has no {word} among its parents");
                    }

                    holderId = above.Id;
                    break;
                default:
                    holderId = rule.Holder.AgentId!;
                    break;
            }
        }

        if (Held(holderId, role) is { } held)
        {
            return held;
        }

        return Resolution.Fail($"role '{role}' resolves to agent '{holderId}' for municipality '{municipality}', but none of the agencies of '{holderId}' lists role '{role}'", holderId);
    }

    /// <summary>The answer when <paramref name="holderId"/> holds <paramref name="role"/>: its first agency listing the role, or null if none does. One shared answer per holder and role.</summary>
    private Resolution? Held(string holderId, string role)
    {
        var holder = _agents[holderId];
        if (!_agentIndex.TryGetValue(holderId, out var h) || !_roleIndex.TryGetValue(role, out var r))
        {
            return HeldUncached(holder, role);
        }

        var row = _held[h] ??= new Resolution?[_ruleList.Count];
        var held = row[r] ??= HeldUncached(holder, role) ?? NoAgency;
        return ReferenceEquals(held, NoAgency) ? null : held;
    }

    private static Resolution? HeldUncached(AgentDefinition holder, string role) =>
        holder.Agencies.FirstOrDefault(a => a.Roles.Contains(role)) is { } agency ? new Resolution(holder, agency, null) : null;

    /// <summary>The agent holding <paramref name="role"/> closest below <paramref name="top"/> (or <paramref name="top"/> itself), breadth first, in file order.</summary>
    /// <remarks>Kept by (top, role) in an array: a role's rule fixes the kind asked for.</remarks>
    private AgentDefinition? NearestBelow(string top, string role, AgentKind? kind)
    {
        // The index of the agent found plus one, or NotFound; 0 until searched.
        const int NotFound = -1;
        var t = _agentIndex.GetValueOrDefault(top, -1);
        var r = _roleIndex.GetValueOrDefault(role, -1);
        int[]? row = null;
        if (t >= 0 && r >= 0 && _ruleList[r].Holder.NearestKind == kind)
        {
            row = _nearestBelow[t] ??= new int[_ruleList.Count];
            if (row[r] != 0)
            {
                return row[r] == NotFound ? null : _agentList[row[r] - 1];
            }

            // Most municipalities hold the role nowhere below them: answered without hashing a name.
            if (!(_relevant[r] ??= RelevantByIndex(role, kind))[t])
            {
                row[r] = NotFound;
                return null;
            }
        }

        // Only subtrees that hold the role somewhere are searched; dropping the others keeps the
        // breadth-first order of those that remain.
        var relevant = HolderAncestors(role, kind);
        AgentDefinition? found = null;
        if (relevant.Contains(top))
        {
            var level = new List<AgentDefinition> { _agents[top] };
            var seen = new HashSet<string>(StringComparer.Ordinal) { top };
            while (level.Count > 0 && found is null)
            {
                found = level.FirstOrDefault(a => (kind is null || a.Kind == kind) && Holds(a, role));
                level = [.. level.SelectMany(a => _children.Value[a.Id]).Where(c => relevant.Contains(c.Id) && seen.Add(c.Id))];
            }
        }

        if (row is not null)
        {
            row[r] = found is null ? NotFound : _agentIndex[found.Id] + 1;
        }

        return found;
    }

    /// <summary><see cref="HolderAncestors"/> by agent index.</summary>
    private bool[] RelevantByIndex(string role, AgentKind? kind)
    {
        var relevant = new bool[_agentList.Count];
        foreach (var id in HolderAncestors(role, kind))
        {
            relevant[_agentIndex[id]] = true;
        }

        return relevant;
    }

    /// <summary>Every agent with an agent of <paramref name="kind"/> holding <paramref name="role"/> at or below it.</summary>
    private HashSet<string> HolderAncestors(string role, AgentKind? kind)
    {
        if (!_holderAncestors.TryGetValue((role, kind), out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var holder in _agents.Values.Where(a => (kind is null || a.Kind == kind) && Holds(a, role)))
            {
                set.UnionWith(Ancestors(holder.Id).Select(a => a.Id));
            }

            _holderAncestors[(role, kind)] = set;
        }

        return set;
    }

    /// <summary>The first of the agent and its parents that acts as <paramref name="holder"/> (a loop, not LINQ: asked for every municipality and role of every check).</summary>
    private AgentDefinition? FirstAbove(string municipality, HolderKind holder)
    {
        foreach (var a in Ancestors(municipality))
        {
            if (ActsAs(holder, a.Kind))
            {
                return a;
            }
        }

        return null;
    }

    private static bool Holds(AgentDefinition agent, string role) => agent.Agencies.Any(g => g.Roles.Contains(role));

    /// <summary>Whether an agent of <paramref name="kind"/> is the holder an amt, district or state rule looks for (an independent city is its own district).</summary>
    private static bool ActsAs(HolderKind holder, AgentKind kind) => holder switch
    {
        HolderKind.Amt => kind == AgentKind.Amt,
        HolderKind.District => Levels.Includes(Level.District, kind),
        _ => Levels.Includes(Level.State, kind),
    };

    /// <summary>The agent itself, then its parent, its parent's parent, and so on (computed once per agent; a cycle stops at the first repeat).</summary>
    public IReadOnlyList<AgentDefinition> Ancestors(string agentId)
    {
        if (_ancestors.TryGetValue(agentId, out var chain))
        {
            return chain;
        }

        var list = new List<AgentDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = _agents.GetValueOrDefault(agentId);
        while (current is not null && seen.Add(current.Id))
        {
            list.Add(current);
            current = current.Parent is { } p ? _agents.GetValueOrDefault(p) : null;
        }

        return _ancestors[agentId] = [.. list];
    }

    public sealed record Resolution(AgentDefinition? Agent, AgencyDefinition? Agency, string? Problem, string? HolderId = null)
    {
        public bool Ok => Problem is null;

        public static Resolution Fail(string problem, string? holderId = null) => new(null, null, problem, holderId);
    }
}
