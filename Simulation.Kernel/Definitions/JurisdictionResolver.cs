using System.Runtime.CompilerServices;

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

    private readonly Dictionary<string, JurisdictionRule> _rules;
    private readonly int[] _parent; // [agent]: the index of its parent, -1 for none (or a parent that is no agent)
    private readonly Lazy<int[][]> _children; // [agent]: the indexes of its children, in the order of the list
    private readonly IReadOnlyList<AgentDefinition> _agentList;
    private readonly IReadOnlyList<JurisdictionRule> _ruleList;
    private readonly int[]?[] _nearestBelow; // [top][role]: the index of the agent found below top plus one, -1 for none, 0 before the search
    private readonly bool[]?[] _relevant; // [role]: whether an agent holds the role at or below the agent, by agent index
    private readonly Lazy<Dictionary<string, List<int>>> _nearestHolders; // the agents holding each role a 'nearest' rule looks for, by index in list order
    private readonly Resolution?[]?[] _held; // [holder][role]: the holder's answer, the same for every municipality it holds the role for
    private readonly Dictionary<string, int> _agentIndex;
    private readonly Dictionary<string, int> _roleIndex;
    private readonly Resolution?[]?[] _resolved; // [agent][role], filled as asked
    private readonly AgentDefinition[]?[] _ancestors; // [agent], computed as asked
    private readonly int[]?[] _ancestorIndexes; // [agent], computed as asked

    public JurisdictionResolver(IReadOnlyList<AgentDefinition> agents, IReadOnlyList<JurisdictionRule> rules)
    {
        // One dictionary of the agents, to their index: a second one, to the agents themselves, cost as
        // much again in every check of the file and of each variant. Add throws on a repeated id, as
        // making that dictionary did.
        _agentIndex = new Dictionary<string, int>(agents.Count, StringComparer.Ordinal);
        for (var i = 0; i < agents.Count; i++)
        {
            _agentIndex.Add(agents[i].Id, i);
        }

        _rules = rules.ToDictionary(r => r.Role, StringComparer.Ordinal);

        _roleIndex = new Dictionary<string, int>(rules.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            _roleIndex[rules[i].Role] = i;
        }

        _parent = new int[agents.Count];
        for (var i = 0; i < agents.Count; i++)
        {
            _parent[i] = agents[i].Parent is { } p ? _agentIndex.GetValueOrDefault(p, -1) : -1;
        }

        _ancestors = new AgentDefinition[]?[agents.Count];
        _ancestorIndexes = new int[]?[agents.Count];
        _resolved = new Resolution?[]?[agents.Count];
        _nearestBelow = new int[]?[agents.Count];
        _held = new Resolution?[]?[agents.Count];
        _relevant = new bool[]?[rules.Count];
        (_agentList, _ruleList) = (agents, rules);
        _children = new(() => ChildrenByIndex(_parent));
        _nearestHolders = new(() => HoldersByRole(agents, rules));
    }

    /// <summary>
    /// Resolvers a check has finished with, by the agent list they were made for: the compile of
    /// the checked definition (or of one made from it with the same agents and rules, as a run's
    /// overrides make) takes one instead of resolving every municipality's roles again (Germany:
    /// about a sixth of a compile). Taken once: a resolver fills its tables as asked and is not
    /// made for two threads at once.
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<AgentDefinition>, JurisdictionResolver> s_handedOver = new();

    /// <summary>Leaves this resolver, which its maker no longer uses, to the next <see cref="Take"/> for the same agents and rules.</summary>
    public void HandOver()
    {
        lock (s_handedOver)
        {
            s_handedOver.AddOrUpdate(_agentList, this);
        }
    }

    /// <summary>
    /// The resolver last handed over (<see cref="HandOver"/>) for these very lists, taken so that no
    /// one else gets it, else a new one. Its answers are those of a new one: a resolver's tables
    /// only keep what it found, and agents and rules of a definition are not changed once made.
    /// </summary>
    public static JurisdictionResolver Take(IReadOnlyList<AgentDefinition> agents, IReadOnlyList<JurisdictionRule> rules)
    {
        lock (s_handedOver)
        {
            if (s_handedOver.TryGetValue(agents, out var resolver) && ReferenceEquals(resolver._ruleList, rules))
            {
                s_handedOver.Remove(agents);
                return resolver;
            }
        }

        return new JurisdictionResolver(agents, rules);
    }

    /// <summary>Whether a resolver handed over for <paramref name="agents"/> waits to be taken (for tests).</summary>
    internal static bool Waiting(IReadOnlyList<AgentDefinition> agents)
    {
        lock (s_handedOver)
        {
            return s_handedOver.TryGetValue(agents, out _);
        }
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
            : ResolveUncached(municipality, role, AgentIndex(municipality), RoleIndex(role));

    /// <summary>
    /// As <see cref="Resolve(string, string)"/> for the agent at <paramref name="agent"/> in the list
    /// the resolver was made with and the role of the rule at <paramref name="role"/>
    /// (<see cref="AgentIndex"/>, <see cref="RoleIndex"/>), for callers that ask about the same
    /// agents and roles many times.
    /// </summary>
    public Resolution Resolve(int agent, int role)
    {
        var row = _resolved[agent] ??= new Resolution?[_ruleList.Count];
        return row[role] ??= ResolveUncached(_agentList[agent].Id, _ruleList[role].Role, agent, role);
    }

    /// <summary>Where the agent <paramref name="id"/> is in the list the resolver was made with, or -1.</summary>
    public int AgentIndex(string id) => _agentIndex.GetValueOrDefault(id, -1);

    /// <summary>Where the rule for <paramref name="role"/> is in the list the resolver was made with, or -1 for a role without one.</summary>
    public int RoleIndex(string role) => _roleIndex.GetValueOrDefault(role, -1);

    /// <remarks>
    /// <paramref name="m"/> and <paramref name="r"/> are the municipality's and the role's indexes
    /// (-1 for a name that is none): the holder is then found by index too (its ancestors, the
    /// agent found below them), and its answer looked up without hashing its id (the checks of a
    /// file and of each variant ask this for every municipality, step and role afresh).
    /// </remarks>
    private Resolution ResolveUncached(string municipality, string role, int m, int r)
    {
        if (!_rules.TryGetValue(role, out var rule))
        {
            return Resolution.Fail($"role '{role}' has no entry in jurisdiction");
        }

        string holderId;
        var h = -1; // the holder's index where found by index, else -1 (then looked up by its id)
        if (rule.Overrides.TryGetValue(municipality, out var overridden))
        {
            holderId = overridden;
        }
        else
        {
            switch (rule.Holder.Kind)
            {
                case HolderKind.Self:
                    (holderId, h) = (municipality, m);
                    break;
                case HolderKind.Administration:
                    // Amtsangehörige Gemeinden are administered by their Amt, amtsfreie by themselves.
                    var amt = FirstAbove(m, HolderKind.Amt);
                    (holderId, h) = amt >= 0 ? (_agentList[amt].Id, amt) : (municipality, m);
                    break;
                case HolderKind.Nearest:
                    var kind = rule.Holder.NearestKind;
                    foreach (var a in m >= 0 ? AncestorIndexes(m) : [])
                    {
                        if ((h = NearestBelow(a, r, kind)) >= 0)
                        {
                            break;
                        }
                    }

                    if (h < 0)
                    {
                        var what = kind is { } k ? $"{AgentKinds.Name(k)} holding '{role}'" : $"agent holding '{role}'";
                        return Resolution.Fail($"role '{role}' is held by the nearest {what}, but there is none in the tree above or beside '{municipality}'");
                    }

                    holderId = _agentList[h].Id;
                    break;
                case HolderKind.Amt or HolderKind.District or HolderKind.State:
                    h = FirstAbove(m, rule.Holder.Kind);
                    if (h < 0)
                    {
                        var word = HolderWords.Name(rule.Holder.Kind);
                        return Resolution.Fail($"role '{role}' is held by the {word} of each municipality, but '{municipality}' has no {word} among its parents");
                    }

                    holderId = _agentList[h].Id;
                    break;
                default:
                    holderId = rule.Holder.AgentId!;
                    break;
            }
        }

        if ((h >= 0 ? Held(h, r) : Held(holderId, role)) is { } held)
        {
            return held;
        }

        return Resolution.Fail($"role '{role}' resolves to agent '{holderId}' for municipality '{municipality}', but none of the agencies of '{holderId}' lists role '{role}'", holderId);
    }

    /// <summary>The answer when <paramref name="holderId"/> holds <paramref name="role"/>: its first agency listing the role, or null if none does. One shared answer per holder and role.</summary>
    private Resolution? Held(string holderId, string role)
    {
        // An id that is no agent throws (KeyNotFoundException), as it did when agents were found by id.
        var h = _agentIndex[holderId];
        return _roleIndex.TryGetValue(role, out var r) ? Held(h, r) : HeldUncached(_agentList[h], role);
    }

    /// <summary><see cref="Held(string, string)"/> by the holder's and the role's index.</summary>
    private Resolution? Held(int h, int r)
    {
        var row = _held[h] ??= new Resolution?[_ruleList.Count];
        var held = row[r] ??= HeldUncached(_agentList[h], _ruleList[r].Role) ?? NoAgency;
        return ReferenceEquals(held, NoAgency) ? null : held;
    }

    private static Resolution? HeldUncached(AgentDefinition holder, string role) =>
        AgencyHolding(holder, role) is { } agency ? new Resolution(holder, agency, null) : null;

    /// <summary>The index of the agent holding role <paramref name="r"/> closest below <paramref name="t"/> (or <paramref name="t"/> itself), breadth first, in file order; -1 for none.</summary>
    /// <remarks>
    /// Kept by (top, role) in an array: a role's rule fixes the kind asked for. The search goes by
    /// agent index (children, seen, relevant): every check of a file and of each variant searches
    /// again, and a search by name hashed each child's id twice.
    /// </remarks>
    private int NearestBelow(int t, int r, AgentKind? kind)
    {
        // The index of the agent found plus one, or NotFound; 0 until searched.
        const int NotFound = -1;
        var row = _nearestBelow[t] ??= new int[_ruleList.Count];
        if (row[r] != 0)
        {
            return row[r] == NotFound ? -1 : row[r] - 1;
        }

        // Only subtrees that hold the role somewhere are searched (most municipalities hold it
        // nowhere below them); dropping the others keeps the breadth-first order of those that remain.
        var relevant = _relevant[r] ??= RelevantByIndex(_ruleList[r].Role, kind);
        var found = -1;
        if (relevant[t])
        {
            var role = _ruleList[r].Role;
            var level = new List<int> { t };
            var seen = new HashSet<int> { t };
            while (level.Count > 0 && found < 0)
            {
                foreach (var a in level)
                {
                    if ((kind is null || _agentList[a].Kind == kind) && Holds(_agentList[a], role))
                    {
                        found = a;
                        break;
                    }
                }

                var next = new List<int>();
                foreach (var a in level)
                {
                    foreach (var c in _children.Value[a])
                    {
                        if (relevant[c] && seen.Add(c))
                        {
                            next.Add(c);
                        }
                    }
                }

                level = next;
            }
        }

        row[r] = found < 0 ? NotFound : found + 1;
        return found;
    }

    /// <summary>Every agent with an agent of <paramref name="kind"/> holding <paramref name="role"/> at or below it, by agent index.</summary>
    /// <remarks>
    /// From the holders of every 'nearest' role, found in one pass over the agencies' roles when the
    /// first such role is searched: a pass over every agent's agencies for each role (Germany: six
    /// roles, 13,000 agents) was a tenth of the check of a file or of a variant.
    /// </remarks>
    private bool[] RelevantByIndex(string role, AgentKind? kind)
    {
        var relevant = new bool[_agentList.Count];
        foreach (var i in _nearestHolders.Value[role])
        {
            if (kind is null || _agentList[i].Kind == kind)
            {
                // Up the chain of parents to the first agent already marked (its own chain is), as
                // Ancestors would go (a cycle stops at the first repeat, which is marked).
                for (var a = i; a >= 0 && !relevant[a]; a = _parent[a])
                {
                    relevant[a] = true;
                }
            }
        }

        return relevant;
    }

    /// <summary>For each role of a 'nearest' rule, the indexes of the agents with an agency listing it (each agent once, in list order).</summary>
    private static Dictionary<string, List<int>> HoldersByRole(IReadOnlyList<AgentDefinition> agents, IReadOnlyList<JurisdictionRule> rules)
    {
        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule.Holder.Kind == HolderKind.Nearest)
            {
                holders.TryAdd(rule.Role, []);
            }
        }

        for (var i = 0; i < agents.Count; i++)
        {
            var agencies = agents[i].Agencies;
            for (var a = 0; a < agencies.Count; a++)
            {
                var roles = agencies[a].Roles;
                for (var r = 0; r < roles.Count; r++)
                {
                    if (holders.TryGetValue(roles[r], out var list) && (list.Count == 0 || list[^1] != i))
                    {
                        list.Add(i);
                    }
                }
            }
        }

        return holders;
    }

    private static int[][] ChildrenByIndex(int[] parent)
    {
        var children = new List<int>?[parent.Length];
        for (var i = 0; i < parent.Length; i++)
        {
            if (parent[i] >= 0)
            {
                (children[parent[i]] ??= []).Add(i);
            }
        }

        return [.. children.Select(c => c is null ? [] : c.ToArray())];
    }

    /// <summary>The index of the first of the agent at <paramref name="m"/> and its parents that acts as <paramref name="holder"/>, -1 for none or for no agent (a loop, not LINQ: asked for every municipality and role of every check).</summary>
    private int FirstAbove(int m, HolderKind holder)
    {
        foreach (var a in m >= 0 ? AncestorIndexes(m) : [])
        {
            if (ActsAs(holder, _agentList[a].Kind))
            {
                return a;
            }
        }

        return -1;
    }

    private static bool Holds(AgentDefinition agent, string role) => AgencyHolding(agent, role) is not null;

    /// <summary>The agent's first agency listing <paramref name="role"/>, or null.</summary>
    private static AgencyDefinition? AgencyHolding(AgentDefinition agent, string role)
    {
        // By index: an interface's enumerator would be an allocation per agent asked.
        for (var i = 0; i < agent.Agencies.Count; i++)
        {
            if (agent.Agencies[i].Roles.Contains(role))
            {
                return agent.Agencies[i];
            }
        }

        return null;
    }

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
        if (!_agentIndex.TryGetValue(agentId, out var i))
        {
            return [];
        }

        return _ancestors[i] ??= [.. AncestorIndexes(i).Select(a => _agentList[a])];
    }

    /// <summary><see cref="Ancestors(string)"/> by agent index.</summary>
    private int[] AncestorIndexes(int agent)
    {
        if (_ancestorIndexes[agent] is { } chain)
        {
            return chain;
        }

        var list = new List<int>();
        for (var a = agent; a >= 0 && !list.Contains(a); a = _parent[a])
        {
            list.Add(a);
        }

        return _ancestorIndexes[agent] = [.. list];
    }

    public sealed record Resolution(AgentDefinition? Agent, AgencyDefinition? Agency, string? Problem, string? HolderId = null)
    {
        public bool Ok => Problem is null;

        public static Resolution Fail(string problem, string? holderId = null) => new(null, null, problem, holderId);
    }
}
