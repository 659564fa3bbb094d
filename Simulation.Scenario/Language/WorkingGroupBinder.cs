using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Working groups, in the file and in the working_group operation.</summary>
internal sealed class WorkingGroupBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    public List<WorkingGroupDefinition> BindWorkingGroups(YamlNode node)
    {
        var groups = new List<WorkingGroupDefinition>();
        if (_r.Sequence(node, "working_groups") is not { } seq)
        {
            return groups;
        }

        foreach (var item in seq.Children)
        {
            if (_r.Mapping(item, "a working group") is not { } map)
            {
                continue;
            }

            _r.CheckKeys(map, "a working group", ScenarioKeys.WorkingGroup);
            if (BindGroupBody(map, "a working group") is { } group)
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    /// <summary>id, members, below, every (and first): shared by working_groups and the working_group operation.</summary>
    public WorkingGroupDefinition? BindGroupBody(YamlMappingNode map, string what, bool inVariant = false)
    {
        // A variant's group may name agents its earlier operations create; those are checked with the variant's references.
        void Reference(string id, YamlNode node)
        {
            if (inVariant)
            {
                _refs.VariantAgents.Add((id, node, what));
            }
            else
            {
                _refs.GroupMembers.Add((id, node));
            }
        }

        var id = _r.Require(map, "id", what) is { } idn ? _r.Id(idn, $"the id of {what}") : null;
        var members = new List<AgentSelector>();
        if (YamlReader.Get(map, "members") is { } mn && _r.ScalarList(mn, $"the members of {what}") is { } list)
        {
            foreach (var (member, memberNode) in list)
            {
                members.Add(AgentSelector.One(member));
                Reference(member, memberNode);
            }
        }

        if (YamlReader.Get(map, "below") is { } bn && _r.Id(bn, $"'below' of {what}") is { } below)
        {
            members.Add(AgentSelector.Subtree(below));
            Reference(below, bn);
        }

        var every = _r.Require(map, "every", what, " (how often it meets)") is { } en ? _values.CalendarDuration(en, $"how often {what} meets", null) : null;
        var first = YamlReader.Get(map, "first") is { } fn ? _values.DateOrOffset(fn, $"the first meeting of {what}") : CalendarDays.Zero;
        if (members.Count == 0)
        {
            _r.Error(map, $"{what} needs members (agent ids) or 'below' (an agent whose whole subtree joins)");
        }

        return id is not null && every is { } e && first is { } f && members.Count > 0 ? new WorkingGroupDefinition(id, members, e, f) { Position = YamlReader.At(map) } : null;
    }
}
