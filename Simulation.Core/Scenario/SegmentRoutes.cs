namespace IsdnSim.Core.Scenario;

/// <summary>
/// Which municipalities a linear measure (a cycle path along a road, say) can cross: those of
/// the owner's district, the owner first. A project's actual route is drawn from these.
/// </summary>
public static class SegmentRoutes
{
    public static IReadOnlyList<AgentDefinition> Candidates(ScenarioDefinition scenario, JurisdictionResolver resolver, string owner)
    {
        var district = resolver.Ancestors(owner).FirstOrDefault(a => AgentKinds.ActsAt(a.Kind, AdministrativeLevel.District));
        if (district is null || district.Id == owner)
        {
            return [scenario.Agents.First(a => a.Id == owner)];
        }

        var result = new List<AgentDefinition> { scenario.Agents.First(a => a.Id == owner) };
        result.AddRange(scenario.Agents.Where(a => a.Id != owner && AgentKinds.IsMunicipal(a.Kind)
            && resolver.Ancestors(a.Id).Any(x => x.Id == district.Id)));
        return result;
    }
}
