using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Definitions;

/// <summary>Which municipalities a demand entry applies to, and at what rate each receives projects.</summary>
public static class DemandOwners
{
    public static IReadOnlyList<AgentDefinition> Select(ScenarioDefinition scenario, DemandDefinition entry, out string? problem)
    {
        problem = null;
        IEnumerable<AgentDefinition> candidates = entry.At is null
            ? Territories(scenario)
            : scenario.Agents.Where(a => entry.At.Contains(a.Id));

        var needsPopulation = entry.PerInhabitants is not null || entry.MinPopulation is not null || entry.MaxPopulation is not null;
        var result = new List<AgentDefinition>();
        foreach (var agent in candidates)
        {
            if (needsPopulation && agent.Population is null)
            {
                problem = $"demand for '{entry.Process}' depends on population (per_inhabitants, min_population or max_population), but '{agent.Id}' has no population";
                return [];
            }

            if (entry.MinPopulation is { } min && agent.Population < min)
            {
                continue;
            }

            if (entry.MaxPopulation is { } max && agent.Population > max)
            {
                continue;
            }

            result.Add(agent);
        }

        return result;
    }

    /// <summary>
    /// The municipalities and cities where projects arise: all that are not divided into quarters
    /// (a city made of former municipalities leaves the projects to them, so they stay the same).
    /// </summary>
    public static IEnumerable<AgentDefinition> Territories(ScenarioDefinition scenario)
    {
        var divided = scenario.Agents.Where(a => AgentKinds.IsMunicipal(a.Kind) && a.Parent is not null).Select(a => a.Parent!).ToHashSet(StringComparer.Ordinal);
        return scenario.Agents.Where(a => AgentKinds.IsMunicipal(a.Kind) && !divided.Contains(a.Id));
    }

    public static ArrivalRate Rate(DemandDefinition entry, AgentDefinition owner) =>
        entry.PerInhabitants is { } per ? entry.Rate * ((double)owner.Population!.Value / per) : entry.Rate;
}
