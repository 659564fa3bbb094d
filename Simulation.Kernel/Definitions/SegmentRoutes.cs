namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// Which municipalities a linear measure (a cycle path along a road, say) can cross: those of
/// the owner's district, the owner first. A project's actual route is drawn from these.
/// Built once per scenario: the members of every district.
/// </summary>
public sealed class SegmentRoutes
{
    private readonly JurisdictionResolver _resolver;
    private readonly Dictionary<string, AgentDefinition> _agents;
    private readonly Dictionary<string, List<AgentDefinition>> _byDistrict = new(StringComparer.Ordinal);

    public SegmentRoutes(ScenarioDefinition scenario, JurisdictionResolver resolver)
    {
        _resolver = resolver;
        _agents = scenario.Agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var a in scenario.Agents.Where(a => AgentKinds.IsMunicipal(a.Kind)))
        {
            if (District(a.Id) is { } d && d.Id != a.Id)
            {
                if (!_byDistrict.TryGetValue(d.Id, out var members))
                {
                    _byDistrict[d.Id] = members = [];
                }

                members.Add(a);
            }
        }
    }

    public IReadOnlyList<AgentDefinition> Candidates(string owner)
    {
        var self = _agents[owner];
        if (District(owner) is not { } district || district.Id == owner || !_byDistrict.TryGetValue(district.Id, out var members))
        {
            return [self];
        }

        return [self, .. members.Where(a => a.Id != owner)];
    }

    /// <summary>The district whose members a linear measure of <paramref name="owner"/> can cross, if it can cross any but the owner.</summary>
    public string? CrossableDistrict(string owner) =>
        District(owner) is { } district && district.Id != owner && _byDistrict.ContainsKey(district.Id) ? district.Id : null;

    /// <summary>The municipalities of <paramref name="district"/> (one that <see cref="CrossableDistrict"/> returned), in file order.</summary>
    public IReadOnlyList<AgentDefinition> Members(string district) => _byDistrict[district];

    private AgentDefinition? District(string agent) =>
        _resolver.Ancestors(agent).FirstOrDefault(a => Levels.Includes(Level.District, a.Kind));
}
