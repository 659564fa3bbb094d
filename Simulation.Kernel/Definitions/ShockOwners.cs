namespace IsdnSim.Kernel.Definitions;

/// <summary>The municipalities a shock obliges, each with the group (and so the deadline) it falls in.</summary>
public static class ShockOwners
{
    public static IReadOnlyList<(AgentDefinition Owner, int Group)> Select(ScenarioDefinition scenario, ShockDefinition shock, out string? problem)
    {
        problem = null;
        var result = new List<(AgentDefinition, int)>();
        foreach (var agent in Obliged(scenario))
        {
            // The first two groups the agent falls into (-1: none), not a list of them for each of 10,000 municipalities.
            var (first, second) = (-1, -1);
            for (var g = 0; g < shock.Groups.Count; g++)
            {
                var group = shock.Groups[g];
                if ((group.MinPopulation is not null || group.MaxPopulation is not null) && agent.Population is null)
                {
                    problem ??= $"shock '{shock.Id}' groups municipalities by population, but '{agent.Id}' has no population";
                    continue;
                }

                if ((group.MinPopulation is not { } min || agent.Population >= min) && (group.MaxPopulation is not { } max || agent.Population <= max))
                {
                    if (first < 0)
                    {
                        first = g;
                    }
                    else if (second < 0)
                    {
                        second = g;
                    }
                }
            }

            if (second >= 0)
            {
                problem ??= $"shock '{shock.Id}': municipality '{agent.Id}' falls into groups '{shock.Groups[first].Name}' and '{shock.Groups[second].Name}'; the groups must not overlap";
            }
            else if (first >= 0)
            {
                result.Add((agent, first));
            }
        }

        return result;
    }

    /// <summary>
    /// Whom a law obliges: every municipality and city where projects arise, except that a Bezirk
    /// is no municipality in law: a city of Bezirke (Berlin, Hamburg) is obliged as a whole. A city
    /// divided into quarters (by <c>unify</c>) leaves its obligations to the quarters, which stay
    /// the municipalities they were, so a variant obliges the same places as the scenario.
    /// </summary>
    public static IEnumerable<AgentDefinition> Obliged(ScenarioDefinition scenario)
    {
        var quartered = scenario.Agents.Where(a => a.Kind == AgentKind.Municipality && a.Parent is not null).Select(a => a.Parent!).ToHashSet(StringComparer.Ordinal);
        return scenario.Agents.Where(a => AgentKinds.IsMunicipalityInLaw(a.Kind) && !quartered.Contains(a.Id));
    }
}
