namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// The projects a shock makes municipalities start: one per obliged municipality, of its group's
/// process, unless it belongs to a joint mandate (Konvoi), whose lead starts one project for all
/// its obliged members. A repealed shock obliges nobody.
/// </summary>
public static class ShockMandates
{
    /// <summary>One project to start: its owner and group, the process it runs, and the other obliged municipalities it covers.</summary>
    public sealed record Mandate(AgentDefinition Owner, int Group, string Process, IReadOnlyList<(AgentDefinition Member, int Group)> Covers);

    public static IReadOnlyList<Mandate> Select(ScenarioDefinition scenario, ShockDefinition shock, out string? problem)
    {
        var obliged = ShockOwners.Select(scenario, shock, out problem);
        if (shock.Repealed)
        {
            return [];
        }

        string ProcessOf(int group) => shock.Groups[group].Process ?? shock.Process;
        var groupOf = obliged.ToDictionary(o => o.Owner.Id, o => (o.Owner, o.Group), StringComparer.Ordinal);
        var joined = new Dictionary<string, JointMandateDefinition>(StringComparer.Ordinal);
        foreach (var joint in shock.Joint)
        {
            // Only obliged members count; a joint mandate of fewer than two is a plain one.
            if (joint.Members.Count(groupOf.ContainsKey) >= 2)
            {
                foreach (var member in joint.Members.Where(groupOf.ContainsKey))
                {
                    joined[member] = joint;
                }
            }
        }

        var mandates = new List<Mandate>();
        foreach (var (owner, group) in obliged)
        {
            if (!joined.TryGetValue(owner.Id, out var joint))
            {
                mandates.Add(new Mandate(owner, group, ProcessOf(group), []));
            }
            else if (joint.Members.First(groupOf.ContainsKey) == owner.Id)
            {
                var covers = joint.Members.Where(m => m != owner.Id && groupOf.ContainsKey(m)).Select(m => groupOf[m]).ToList();
                mandates.Add(new Mandate(owner, group, joint.Process ?? ProcessOf(group), covers));
            }
        }

        return mandates;
    }
}
