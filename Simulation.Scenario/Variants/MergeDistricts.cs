using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// Merge districts into one: agencies with the same id pooled, staff scaled, hand-offs to the new
/// district changed. The merged district sits where the first one did, and its Kreistag has the
/// seats given (none known if not given).
/// </summary>
public sealed record MergeDistricts(IReadOnlyList<string> Districts, string Into, string Name, double StaffFactor, CalendarDays? Handoff, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("merge_districts", ["districts", "into", "name", "staff_factor", "handoff", "seats"], Bind);

    /// <summary>Elected members of the merged district's assembly.</summary>
    public int? Seats { get; init; }

    private static MergeDistricts? Bind(IOperationReader r)
    {
        var districts = r.Require("districts") ? r.Agents("districts") : null;
        var into = r.Require("into") ? r.NewAgentId("into") : null;
        var name = r.Has("name") ? r.Text("name", $"the name in {r.What}") : into;
        var factor = r.Has("staff_factor") ? r.Number("staff_factor", $"staff_factor of {r.What}", 0, 10, minExclusive: true) : 1.0;
        var handoff = r.Duration("handoff", $"the handoff of {r.What}");
        var seats = r.Integer("seats", $"the seats of {r.What}", 1, ScenarioLimits.MaxSeats);
        if (districts is { Count: < 2 })
        {
            r.Error($"{r.What} needs at least two districts");
        }

        return districts is { Count: >= 2 } && into is not null && name is not null && factor is { } f && (!r.Has("handoff") || handoff is not null)
            && (!r.Has("seats") || seats is not null)
            ? new MergeDistricts(districts, into, name, f, handoff, r.Position) { Seats = seats }
            : null;
    }

    public override string Describe() =>
        $"merge districts {string.Join(", ", Districts)} into '{Into}', staff x{F(StaffFactor)}" +
        (Handoff is { } h ? $", hand-off municipal <-> {Into} {F(h.Value)} d" : "") +
        (Seats is { } n ? $", {n} seats" : "");

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        // One pass over the agents finds the districts and whether the new id is taken: a variant
        // may merge hundreds of times over Germany's 13,000 agents, and a search for each name (and
        // one for the new id) went over them three times before the merge itself goes over them once.
        var found = new AgentDefinition?[Districts.Count];
        var intoTaken = false;
        foreach (var a in s.Agents)
        {
            for (var k = 0; k < found.Length; k++)
            {
                if (found[k] is null && a.Id == Districts[k])
                {
                    found[k] = a;
                }
            }

            intoTaken |= a.Id == Into;
        }

        var result = Replace(s, Districts, Merged(found, intoTaken, variant));
        return WithHandoff(result, variant);
    }

    /// <summary>
    /// As <see cref="Apply"/> for each of <paramref name="merges"/> in turn, with the same result
    /// and the same failure at the same merge, going over the agents twice in all instead of twice
    /// per merge (<see cref="AgentTable"/>): Germany's merging variants merge 146 times each.
    /// </summary>
    internal static ScenarioDefinition ApplyAll(ScenarioDefinition s, IReadOnlyList<MergeDistricts> merges, VariantDefinition variant)
    {
        if (AgentTable.Of(s.Agents) is not { } table)
        {
            return merges.Aggregate(s, (result, merge) => merge.Apply(result, variant));
        }

        // The agents of the definition carried along are stale until the end: no step below reads them.
        var result = s;
        foreach (var merge in merges)
        {
            var found = merge.Districts.Select(table.Find).ToArray();
            var merged = merge.Merged(found, table.Find(merge.Into) is not null, variant);
            table.Replace(merge.Districts, merged);
            result = merge.WithHandoff(ReplaceReferences(result, merge.Districts, merged.Id), variant);
        }

        return result with { Agents = table.ToList() };
    }

    /// <summary>The merged district, from the agents found for <see cref="Districts"/> (null where none is), after the checks that it can be made.</summary>
    private AgentDefinition Merged(AgentDefinition?[] found, bool intoTaken, VariantDefinition variant)
    {
        var districts = Districts.Select((id, k) => Found(found[k], id, this, variant)).ToList();
        foreach (var d in districts.Where(d => d.Kind != AgentKind.District))
        {
            throw Fail(this, variant, $"merge_districts: '{d.Id}' is a {AgentKinds.Name(d.Kind)}, not a district");
        }

        if (districts.Select(d => d.Parent).Distinct().Count() > 1)
        {
            throw Fail(this, variant, $"merge_districts: {string.Join(", ", districts.Select(d => $"'{d.Id}' (in {d.Parent ?? "no state"})"))} are not in the same state; districts merge within a state");
        }

        RequireFreeId(intoTaken, Into, Districts, this, variant);
        return new AgentDefinition(Into, AgentKind.District, Name, SumPopulation(districts), districts[0].Parent,
            Pool(districts.SelectMany(d => d.Agencies), StaffFactor, this, variant), districts[0].Position)
        {
            Seats = Seats,
            Location = districts[0].Location,
        };
    }

    private ScenarioDefinition WithHandoff(ScenarioDefinition s, VariantDefinition variant) =>
        Handoff is { } h ? AddHandoffRule(s, Levels.Name(Level.Municipal), Into, h, Position, variant) : s;
}
