using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// One level instead of two (kreisfreie Stadt): a district and everything below it become one
/// city. The municipalities stay as its quarters (projects still arise there, so arrivals and
/// efforts are unchanged), but every role they or the district held is the city's. The city sits
/// where the district did, and its council has the seats given (none known if not given).
/// </summary>
public sealed record Unify(string District, string Into, string Name, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("unify", ["district", "into", "name", "seats"], Bind);

    /// <summary>Elected members of the city's council.</summary>
    public int? Seats { get; init; }

    private static Unify? Bind(IOperationReader r)
    {
        var district = r.Require("district") ? r.Agent("district") : null;
        var into = r.Require("into") ? r.NewAgentId("into") : null;
        var name = r.Has("name") ? r.Text("name", $"the name in {r.What}") : into;
        var seats = r.Integer("seats", $"the seats of {r.What}", 1, ScenarioLimits.MaxSeats);
        return district is not null && into is not null && name is not null && (!r.Has("seats") || seats is not null)
            ? new Unify(district, into, name, r.Position) { Seats = seats }
            : null;
    }

    public override string Describe() => $"make district '{District}' and all below it one city '{Into}' (one level)" + (Seats is { } n ? $", {n} seats" : "");

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        var district = FindAgent(s, District, this, variant);
        if (district.Kind != AgentKind.District)
        {
            throw Fail(this, variant, $"unify: '{District}' is a {AgentKinds.Name(district.Kind)}, not a district");
        }

        var resolver = new JurisdictionResolver(s.Agents, s.Jurisdiction);
        var below = s.Agents.Where(a => a.Id != district.Id && resolver.Ancestors(a.Id).Any(x => x.Id == district.Id)).ToList();
        var quarters = below.Where(a => a.Kind == AgentKind.Municipality).ToList();
        var amter = below.Where(a => a.Kind == AgentKind.Amt).ToList();
        RequireFreeId(s, Into, [District, .. quarters.Select(q => q.Id), .. amter.Select(a => a.Id)], this, variant);

        // One council for the one territory: the councils' agenda capacities pooled (the Kreistag's
        // too, as its matters come to the city), meeting as the largest municipality's council does.
        // Committees stay committees: those of one id pooled in the same way, meeting as the largest
        // municipality's committee of that id does (the district's, if no municipality has one).
        var absorbed = new[] { district }.Concat(amter).Concat(quarters).ToList();
        var committeeRoles = s.CommitteeRoles();
        bool IsCommittee(AgencyDefinition g) => g.IsCouncil && g.Roles.Any(committeeRoles.Contains);
        var councils = absorbed.SelectMany(a => a.Agencies.Where(g => g.IsCouncil && !IsCommittee(g)).Select(g => (Agent: a, Council: g))).ToList();
        var agencies = Pool(absorbed.SelectMany(a => a.Agencies.Where(g => !g.IsCouncil)), 1.0, this, variant);
        var committees = absorbed.OrderByDescending(a => a.Kind == AgentKind.Municipality ? a.Population ?? 0 : -1).SelectMany(a => a.Agencies.Where(IsCommittee));
        agencies.AddRange(Pool(committees, 1.0, this, variant));
        if (councils.Count > 0)
        {
            var municipal = councils.Where(c => c.Agent.Kind == AgentKind.Municipality).ToList();
            var lead = (municipal.Count > 0 ? municipal : councils).OrderByDescending(c => c.Agent.Population ?? 0).First().Council;
            var agenda = (int)Math.Min(100_000, councils.Sum(c => (long)c.Council.Sessions!.Agenda));
            agencies.Add(lead with
            {
                Id = "council",
                Name = $"{Name} council",
                Roles = [.. councils.SelectMany(c => c.Council.Roles).Distinct()],
                Sessions = lead.Sessions! with { Agenda = agenda },
            });
            CheckRolesUnique(agencies, this, variant);
        }

        var city = new AgentDefinition(Into, AgentKind.City, Name, SumPopulation(quarters), district.Parent, agencies, district.Position)
        {
            Seats = Seats,
            Location = district.Location,
        };
        var gone = new HashSet<string>([district.Id, .. amter.Select(a => a.Id)], StringComparer.Ordinal);
        var quarterIds = quarters.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var agents = new List<AgentDefinition>();
        foreach (var a in s.Agents)
        {
            if (a.Id == district.Id)
            {
                agents.Add(city);
            }
            else if (quarterIds.Contains(a.Id))
            {
                // A quarter (Ortsteil): projects still arise here, but the city does all the work.
                agents.Add(a with { Parent = Into, Agencies = [] });
            }
            else if (!gone.Contains(a.Id))
            {
                agents.Add(a.Parent is { } p && (gone.Contains(p) || quarterIds.Contains(p)) ? a with { Parent = Into } : a);
            }
        }

        // Roles that quarters held themselves, or through an Amt, now belong to the city.
        var moved = new HashSet<string>([.. gone, .. quarterIds], StringComparer.Ordinal);
        var jurisdiction = s.Jurisdiction.Select(j =>
        {
            var overrides = j.Overrides.ToDictionary(kv => kv.Key, kv => moved.Contains(kv.Value) ? Into : kv.Value);
            if (j.Holder.Kind is HolderKind.Self or HolderKind.Administration or HolderKind.Amt)
            {
                foreach (var q in quarterIds)
                {
                    overrides[q] = Into;
                }
            }

            var holder = j.Holder.AgentId is { } id && moved.Contains(id) ? JurisdictionHolder.Named(Into) : j.Holder;
            return j with { Holder = holder, Overrides = overrides };
        }).ToList();
        return Rename(s with { Agents = agents, Jurisdiction = jurisdiction }, moved, Into);
    }
}
