namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// Answers "who holds role R for municipality M?": the municipality itself, its administration
/// (its Amt, else itself), the first agent above it at a level (Amt, district, state; an independent city is its own district), or a
/// named agent, unless an override names another for that municipality.
/// </summary>
public sealed class JurisdictionResolver
{
    private readonly Dictionary<string, AgentDefinition> _agents;
    private readonly Dictionary<string, JurisdictionRule> _rules;
    private readonly Lazy<ILookup<string, AgentDefinition>> _children;
    private readonly Dictionary<(string Agent, string Role, AgentKind? Kind), AgentDefinition?> _nearestBelow = [];
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
        _children = new(() => agents.Where(a => a.Parent is not null).ToLookup(a => a.Parent!, StringComparer.Ordinal));
    }

    public bool HasRule(string role) => _rules.ContainsKey(role);

    /// <summary>The holding agent and the agency of it that holds the role, or why there is none.</summary>
    /// <remarks>
    /// Answers are kept in an array by agent and role, found through two ordinal lookups: checking
    /// Germany asks about two million times, and a dictionary keyed by the pair of strings hashed
    /// both strings each time. A name that is no agent or no role is answered afresh each time.
    /// </remarks>
    public Resolution Resolve(string municipality, string role)
    {
        if (!_agentIndex.TryGetValue(municipality, out var agent) || !_roleIndex.TryGetValue(role, out var r))
        {
            return ResolveUncached(municipality, role);
        }

        var row = _resolved[agent] ??= new Resolution?[_roleIndex.Count];
        return row[r] ??= ResolveUncached(municipality, role);
    }

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
                    holderId = Ancestors(municipality).FirstOrDefault(a => a.Kind == AgentKind.Amt)?.Id ?? municipality;
                    break;
                case HolderKind.Nearest:
                    var kind = rule.Holder.NearestKind;
                    var nearest = Ancestors(municipality).Select(a => NearestBelow(a.Id, role, kind)).FirstOrDefault(a => a is not null);
                    if (nearest is null)
                    {
                        var what = kind is { } k ? $"{AgentKinds.Name(k)} holding '{role}'" : $"agent holding '{role}'";
                        return Resolution.Fail($"role '{role}' is held by the nearest {what}, but there is none in the tree above or beside '{municipality}'");
                    }

                    holderId = nearest.Id;
                    break;
                case HolderKind.Amt or HolderKind.District or HolderKind.State:
                    var above = Ancestors(municipality).FirstOrDefault(a => ActsAs(rule.Holder.Kind, a.Kind));
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

        var holder = _agents[holderId];
        var agency = holder.Agencies.FirstOrDefault(a => a.Roles.Contains(role));
        return agency is null
            ? Resolution.Fail($"role '{role}' resolves to agent '{holderId}' for municipality '{municipality}', but none of the agencies of '{holderId}' lists role '{role}'", holderId)
            : new Resolution(holder, agency, null);
    }

    /// <summary>The agent holding <paramref name="role"/> closest below <paramref name="top"/> (or <paramref name="top"/> itself), breadth first, in file order.</summary>
    private AgentDefinition? NearestBelow(string top, string role, AgentKind? kind)
    {
        if (_nearestBelow.TryGetValue((top, role, kind), out var cached))
        {
            return cached;
        }

        // Only subtrees that hold the role somewhere are searched; dropping the others keeps the
        // breadth-first order of those that remain.
        var relevant = HolderAncestors(role, kind);
        AgentDefinition? found = null;
        var level = relevant.Contains(top) ? new List<AgentDefinition> { _agents[top] } : [];
        var seen = new HashSet<string>(StringComparer.Ordinal) { top };
        while (level.Count > 0 && found is null)
        {
            found = level.FirstOrDefault(a => (kind is null || a.Kind == kind) && Holds(a, role));
            level = [.. level.SelectMany(a => _children.Value[a.Id]).Where(c => relevant.Contains(c.Id) && seen.Add(c.Id))];
        }

        _nearestBelow[(top, role, kind)] = found;
        return found;
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
