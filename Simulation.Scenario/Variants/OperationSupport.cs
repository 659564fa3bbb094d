using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Variants;

/// <summary>What several variant operations do alike: find agents, pool agencies, rename merged agents, add hand-off rules, fail with the variant's name.</summary>
internal static class OperationSupport
{
    public static ScenarioDefinition AddHandoffRule(ScenarioDefinition s, string a, string b, CalendarDays latency, SourcePosition at, VariantDefinition variant)
    {
        if (latency.Value < s.Lookahead.Value)
        {
            throw new ScenarioException([new ScenarioDiagnostic("", at,
                $"variant '{variant.Id}': a hand-off of {latency} between {a} and {b} is shorter than the lookahead ({s.Lookahead})")]);
        }

        // Later rules win over earlier ones of the same specificity, so a variant overrides the file.
        return s with { Handoff = s.Handoff with { Rules = [.. s.Handoff.Rules, new HandoffRule(a, b, latency, at)] } };
    }

    /// <summary>Agencies with the same id pooled: staff added and scaled, productivity staff-weighted, roles united, background rates added.</summary>
    internal static List<AgencyDefinition> Pool(IEnumerable<AgencyDefinition> agencies, double staffFactor, VariantOperation op, VariantDefinition variant)
    {
        var pooled = new List<AgencyDefinition>();
        foreach (var group in agencies.GroupBy(g => g.Id))
        {
            var list = group.ToList();
            var first = list[0];
            if (first.IsCouncil)
            {
                var agenda = (int)Math.Min(100_000, list.Sum(g => (long)(g.Sessions?.Agenda ?? 0)));
                pooled.Add(first with { Roles = [.. list.SelectMany(g => g.Roles).Distinct()], Sessions = first.Sessions! with { Agenda = agenda } });
                continue;
            }

            var staff = list.Sum(g => g.Staff);
            pooled.Add(first with
            {
                Staff = Staffing(staff * staffFactor),
                Productivity = list.Sum(g => g.Staff * g.Productivity) / staff,
                Roles = [.. list.SelectMany(g => g.Roles).Distinct()],
                Background = first.Background is { } b ? b with { Rate = new ArrivalRate(list.Sum(g => g.Background?.Rate.PerDay ?? 0)) } : null,
                Cost = PooledCost(list),
            });
        }

        CheckRolesUnique(pooled, op, variant);
        return pooled;
    }

    /// <summary>
    /// The post cost of pooled agencies: theirs if they share a pay group; else all their groups,
    /// at the mean cost weighted by their posts (staff times productivity), so that pooling alone
    /// leaves the cost as it was.
    /// </summary>
    internal static PostCost? PooledCost(IReadOnlyList<AgencyDefinition> agencies)
    {
        if (agencies.Any(g => g.Cost is null))
        {
            return null;
        }

        var groups = agencies.Select(g => g.Cost!.PayGroup).Distinct().ToList();
        if (groups.Count == 1 && agencies.All(g => g.Cost!.PerYear == agencies[0].Cost!.PerYear))
        {
            return agencies[0].Cost;
        }

        var posts = agencies.Sum(g => g.Staff * g.Productivity);
        return new PostCost(string.Join(" / ", groups), agencies.Sum(g => g.Staff * g.Productivity * g.Cost!.PerYear) / posts);
    }

    internal static void CheckRolesUnique(List<AgencyDefinition> agencies, VariantOperation op, VariantDefinition variant)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in agencies)
        {
            foreach (var role in g.Roles)
            {
                if (!owner.TryAdd(role, g.Id) && owner[role] != g.Id)
                {
                    throw Fail(op, variant, $"after merging, role '{role}' would be held by agencies '{owner[role]}' and '{g.Id}' of one agent; give the agencies the same id to pool them");
                }
            }
        }
    }

    /// <summary>Puts <paramref name="merged"/> where the first of <paramref name="ids"/> stood, and points every reference to the others at it.</summary>
    internal static ScenarioDefinition Replace(ScenarioDefinition s, IReadOnlyList<string> ids, AgentDefinition merged)
    {
        var agents = new List<AgentDefinition>(s.Agents.Count);
        foreach (var a in s.Agents)
        {
            if (a.Id == ids[0])
            {
                agents.Add(merged);
            }
            else if (!IsOneOf(a.Id, ids))
            {
                agents.Add(a.Parent is { } p && IsOneOf(p, ids) ? a with { Parent = merged.Id } : a);
            }
        }

        return ReplaceReferences(s with { Agents = agents }, ids, merged.Id);
    }

    /// <summary>What <see cref="Replace"/> does besides the agents: jurisdiction, hand-off rules, working groups and cost items that named one of <paramref name="ids"/> name <paramref name="into"/>.</summary>
    internal static ScenarioDefinition ReplaceReferences(ScenarioDefinition s, IReadOnlyList<string> ids, string into)
    {
        var gone = ids.ToHashSet(StringComparer.Ordinal);
        var jurisdiction = s.Jurisdiction.Select(j => j with
        {
            Holder = j.Holder.AgentId is { } id && gone.Contains(id) ? JurisdictionHolder.Named(into) : j.Holder,
            Overrides = j.Overrides.ToDictionary(kv => kv.Key, kv => gone.Contains(kv.Value) ? into : kv.Value),
        }).ToList();
        return Rename(s with { Jurisdiction = jurisdiction }, gone, into);
    }

    // A merge names a few agents, and a variant may merge hundreds of times over Germany's 13,000:
    // comparing with each name stops at the first differing character, where a hash set hashes
    // every character of every agent's id twice per merge.
    internal static bool IsOneOf(string id, IReadOnlyList<string> ids)
    {
        foreach (var x in ids)
        {
            if (x == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Hand-off rules, working groups and cost items that named a merged agent now name the new one.</summary>
    internal static ScenarioDefinition Rename(ScenarioDefinition s, HashSet<string> gone, string into)
    {
        string Map(string id) => gone.Contains(id) ? into : id;
        AgentSelector MapMember(AgentSelector m) => m.WithAgent(Map(m.AgentId));
        return s with
        {
            Handoff = s.Handoff with { Rules = [.. s.Handoff.Rules.Select(r => r with { A = Map(r.A), B = Map(r.B) })] },
            WorkingGroups = [.. s.WorkingGroups.Select(g => g with { Members = [.. g.Members.Select(MapMember).Distinct()] })],
            Costs = s.Costs is { } costs ? costs with { Items = [.. costs.Items.Select(i => i with { Agent = Map(i.Agent) })] } : null,
        };
    }

    internal static void RequireFreeId(ScenarioDefinition s, string id, IReadOnlyList<string> replaced, VariantOperation op, VariantDefinition variant) =>
        RequireFreeId(s.Agents.Any(a => a.Id == id), id, replaced, op, variant);

    /// <summary>As above, where the caller knows already whether an agent is called <paramref name="id"/>.</summary>
    internal static void RequireFreeId(bool taken, string id, IReadOnlyList<string> replaced, VariantOperation op, VariantDefinition variant)
    {
        if (taken && !replaced.Contains(id))
        {
            throw Fail(op, variant, $"'{id}' is already an agent; choose another id for the result");
        }
    }

    internal static void RequireAgents(ScenarioDefinition s, IReadOnlyList<string>? ids, VariantOperation op, VariantDefinition variant)
    {
        foreach (var id in ids ?? [])
        {
            FindAgent(s, id, op, variant);
        }
    }

    internal static int? SumPopulation(IEnumerable<AgentDefinition> agents)
    {
        var list = agents.ToList();
        return list.Any(a => a.Population is not null) ? list.Sum(a => a.Population ?? 0) : null;
    }

    /// <summary>A number as descriptions write it: at most three decimals, no trailing zeros.</summary>
    internal static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Staff are whole people: rounded half away from zero, and never fewer than one.</summary>
    internal static int Staffing(double staff) => Math.Max(1, (int)Math.Round(staff, MidpointRounding.AwayFromZero));

    internal static AgentDefinition FindAgent(ScenarioDefinition s, string id, VariantOperation op, VariantDefinition variant) =>
        Found(s.Agents.FirstOrDefault(a => a.Id == id), id, op, variant);

    /// <summary>The agent a search for <paramref name="id"/> found, else the failure FindAgent reports.</summary>
    internal static AgentDefinition Found(AgentDefinition? agent, string id, VariantOperation op, VariantDefinition variant) =>
        agent ?? throw Fail(op, variant, $"'{id}' is not an agent (any more: an earlier operation of this variant may have merged it)");

    internal static ShockDefinition FindShock(ScenarioDefinition s, string id, VariantOperation op, VariantDefinition variant) =>
        s.Shocks.FirstOrDefault(x => x.Id == id)
        ?? throw Fail(op, variant, $"'{id}' is not a shock{DidYouMean.Hint(id, s.Shocks.Select(x => x.Id))}");

    internal static ScenarioException Fail(VariantOperation op, VariantDefinition variant, string message) =>
        new([new ScenarioDiagnostic("", op.Position, $"variant '{variant.Id}': {message}")]);
}
