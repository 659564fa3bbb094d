using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// Give a role to municipalities of at least <see cref="MinPopulation"/> inhabitants (kommunale
/// Federführung). Each gets an agency with its population's share of the former holder's staff;
/// with a support share, that share of each step's effort stays with the former holder, done in
/// parallel as a service (Dienstleisterrolle des Kreises), and that share of the staff stays too.
/// </summary>
public sealed record DelegateRole(string Role, int MinPopulation, double SupportShare, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("delegate", ["role", "min_population", "support_share"], Bind);

    private static DelegateRole? Bind(IOperationReader r)
    {
        var role = r.Require("role") ? r.Role("role") : null;
        var min = r.Require("min_population") ? r.Integer("min_population", $"min_population of {r.What}", 0, ScenarioLimits.MaxPopulation) : null;
        var share = r.Has("support_share") ? r.Number("support_share", $"support_share of {r.What}", 0, 0.95) : 0;
        return role is not null && min is { } m && share is { } s ? new DelegateRole(role, m, s, r.Position) : null;
    }

    public override string Describe() =>
        $"delegate '{Role}' to municipalities of {MinPopulation:N0}+ inhabitants" +
        (SupportShare > 0 ? $", {F(SupportShare * 100)} % of each step done by the former holder as a service" : "");

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        var resolver = new JurisdictionResolver(s.Agents, s.Jurisdiction);
        var municipalities = s.Agents.Where(a => a.Kind == AgentKind.Municipality && a.Population is not null).ToList();
        var holders = municipalities.Select(m => (Municipality: m, Resolution: resolver.Resolve(m.Id, Role))).Where(x => x.Resolution.Ok).ToList();
        var delegated = holders.Where(x => x.Municipality.Population >= MinPopulation && x.Resolution.Agent!.Id != x.Municipality.Id).ToList();
        if (delegated.Count == 0)
        {
            throw Fail(this, variant, $"delegate: no municipality of {MinPopulation:N0}+ inhabitants has '{Role}' held by someone else");
        }

        // Each delegated municipality takes its population's share of its former holder's staff,
        // less the share of the work the former holder keeps doing as a service.
        var served = holders.GroupBy(x => (x.Resolution.Agent!.Id, x.Resolution.Agency!.Id))
            .ToDictionary(g => g.Key, g => g.Sum(x => (double)x.Municipality.Population!.Value));
        var transfers = delegated.Select(x =>
        {
            var key = (x.Resolution.Agent!.Id, x.Resolution.Agency!.Id);
            return (x.Municipality, Holder: key, Name: x.Resolution.Agency.Name, x.Resolution.Agency.Productivity, x.Resolution.Agency.Cost, x.Resolution.Agency.Absence,
                Staff: Staffing(x.Resolution.Agency.Staff * x.Municipality.Population!.Value / served[key] * (1 - SupportShare)));
        }).ToList();

        // A second delegation of the same role reuses the support role the first one introduced.
        var supportRole = Role + "-support";
        var supportExists = s.Jurisdiction.Any(j => j.Role == supportRole);

        // Looked up per agent and agency rather than searched: a search of the transfers for each of
        // Germany's 13,000 agents and each of their agencies grew with the product of the two.
        var transferTo = new Dictionary<string, int>(StringComparer.Ordinal);
        var givenBy = new Dictionary<(string Agent, string Agency), int>();
        for (var k = 0; k < transfers.Count; k++)
        {
            transferTo.TryAdd(transfers[k].Municipality.Id, k);
            givenBy[transfers[k].Holder] = checked(givenBy.GetValueOrDefault(transfers[k].Holder) + transfers[k].Staff);
        }

        var agents = s.Agents.Select(a =>
        {
            if (transferTo.TryGetValue(a.Id, out var k))
            {
                var t = transfers[k];
                // The posts move with their pay group, and are absent and fall vacant as the former holder's did.
                var agency = new AgencyDefinition("delegated-" + Role, $"{t.Name} (delegated)", [Role], t.Staff, t.Productivity, a.Position) { Cost = t.Cost, Absence = t.Absence };
                return a with { Agencies = [.. a.Agencies, agency] };
            }

            return a with
            {
                Agencies = [.. a.Agencies.Select(g =>
                {
                    // Every holder of the role offers support under a role of its own (which resolves
                    // as the role did); where it still holds the role itself, support is its own work.
                    var holds = g.Roles.Contains(Role);
                    var given = givenBy.GetValueOrDefault((a.Id, g.Id));
                    return g with
                    {
                        Staff = given > 0 ? Math.Max(1, g.Staff - given) : g.Staff,
                        Roles = holds && SupportShare > 0 && !supportExists ? [.. g.Roles, supportRole] : g.Roles,
                    };
                })],
            };
        }).ToList();

        var jurisdiction = s.Jurisdiction.Select(j => j.Role != Role ? j : j with
        {
            Overrides = new Dictionary<string, string>(j.Overrides.Concat(transfers.Select(t => KeyValuePair.Create(t.Municipality.Id, t.Municipality.Id)))),
        }).ToList();
        var processes = s.Processes;
        if (SupportShare > 0)
        {
            if (!supportExists)
            {
                var original = s.Jurisdiction.First(j => j.Role == Role);
                jurisdiction.Add(original with { Role = supportRole, Overrides = original.Overrides });
            }

            processes = [.. s.Processes.Select(p => p with
            {
                Steps = [.. p.Steps.Select(step => step.Role == Role && step.Kind is StepKind.Work or StepKind.Approval
                    ? step with { Support = new SupportDefinition(supportRole, SupportShare) }
                    : step)],
            })];
        }

        return s with { Agents = agents, Jurisdiction = jurisdiction, Processes = processes };
    }
}
