using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// A scenario's agents in their order, found by id and by parent, changed in place by a run of
/// merges and turned back into a list once (<see cref="MergeDistricts.ApplyAll"/>). A merge of
/// the plain kind (<see cref="OperationSupport.Replace"/>) goes over every agent, and a variant
/// may merge hundreds of times over Germany's 13,000 agents: here a merge touches the merged
/// agents and their children only, and the result is the list <see cref="OperationSupport.Replace"/>,
/// one merge after the other, would have made.
/// </summary>
internal sealed class AgentTable
{
    // Null where an agent was merged away; a slot keeps its place, so the order is the file's.
    private readonly List<AgentDefinition?> _slots;
    private readonly Dictionary<string, int> _slotOf;

    // The slots of the agents with a parent, by parent. Entries go stale when an agent is merged
    // away or gets another parent, so a slot counts only if its agent still names that parent.
    private readonly Dictionary<string, List<int>> _children;

    private AgentTable(List<AgentDefinition?> slots, Dictionary<string, int> slotOf, Dictionary<string, List<int>> children) =>
        (_slots, _slotOf, _children) = (slots, slotOf, children);

    /// <summary>The table of <paramref name="agents"/>, or null if two have the same id (then "the agent called X" is the first of them, which only a search in order finds).</summary>
    public static AgentTable? Of(IReadOnlyList<AgentDefinition> agents)
    {
        var slots = new List<AgentDefinition?>(agents.Count);
        var slotOf = new Dictionary<string, int>(agents.Count, StringComparer.Ordinal);
        var children = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var a in agents)
        {
            if (!slotOf.TryAdd(a.Id, slots.Count))
            {
                return null;
            }

            if (a.Parent is { } p)
            {
                ChildrenOf(children, p).Add(slots.Count);
            }

            slots.Add(a);
        }

        return new AgentTable(slots, slotOf, children);
    }

    /// <summary>The agent called <paramref name="id"/>, or null.</summary>
    public AgentDefinition? Find(string id) => _slotOf.TryGetValue(id, out var i) ? _slots[i] : null;

    /// <summary>
    /// What <see cref="OperationSupport.Replace"/> does to the agents: <paramref name="merged"/>
    /// where the first of <paramref name="ids"/> stood (which must be an agent), the others gone,
    /// and every other agent whose parent was one of them now below <paramref name="merged"/>.
    /// </summary>
    public void Replace(IReadOnlyList<string> ids, AgentDefinition merged)
    {
        var first = _slotOf[ids[0]];
        var candidates = new List<int>();
        foreach (var id in ids)
        {
            if (_children.Remove(id, out var kids))
            {
                candidates.AddRange(kids);
            }
        }

        foreach (var id in ids)
        {
            if (_slotOf.Remove(id, out var i))
            {
                _slots[i] = null;
            }
        }

        _slots[first] = merged;
        _slotOf[merged.Id] = first;
        if (merged.Parent is { } parent)
        {
            // Listed again even where it was (a stale or repeated entry is skipped or harmless).
            ChildrenOf(_children, parent).Add(first);
        }

        var adopted = new List<int>();
        foreach (var i in candidates)
        {
            // Replace leaves the merged agent's own parent as it is, and skips what it dropped.
            if (i != first && _slots[i] is { Parent: { } p } child && OperationSupport.IsOneOf(p, ids))
            {
                _slots[i] = child with { Parent = merged.Id };
                adopted.Add(i);
            }
        }

        ChildrenOf(_children, merged.Id).AddRange(adopted);
    }

    /// <summary>The agents, in order.</summary>
    public List<AgentDefinition> ToList()
    {
        var agents = new List<AgentDefinition>(_slotOf.Count);
        foreach (var a in _slots)
        {
            if (a is not null)
            {
                agents.Add(a);
            }
        }

        return agents;
    }

    private static List<int> ChildrenOf(Dictionary<string, List<int>> children, string parent)
    {
        if (!children.TryGetValue(parent, out var list))
        {
            children[parent] = list = [];
        }

        return list;
    }
}
