using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>Multiply the staff of the agencies that match (agent kind, level or ids; agency id or role).</summary>
public sealed record ScaleStaff(AgentKind? Kind, IReadOnlyList<string>? Agents, string? Agency, string? Role, double Factor, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("scale_staff", ["kind", "agents", "agency", "role", "factor"], Bind);

    private static ScaleStaff? Bind(IOperationReader r)
    {
        var kind = r.Kind("kind");
        var agents = r.Agents("agents");
        var agency = r.Id("agency", $"the agency of {r.What}");
        var role = r.Role("role");
        var factor = r.Require("factor") ? r.Number("factor", $"the factor of {r.What}", 0, 10, minExclusive: true) : null;
        return factor is { } f ? new ScaleStaff(kind, agents, agency, role, f, r.Position) : null;
    }

    public override string Describe()
    {
        var who = Agents is { } ids ? string.Join(", ", ids) : Kind is { } k ? $"every {AgentKinds.Name(k)}" : "every agent";
        var what = Agency is not null ? $"agency '{Agency}'" : Role is not null ? $"the agency holding '{Role}'" : "all agencies";
        return $"scale staff of {what} of {who} by x{F(Factor)}";
    }

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        RequireAgents(s, Agents, this, variant);
        var changed = 0;
        var agents = s.Agents.Select(a =>
        {
            var agentMatches = (Kind is null || a.Kind == Kind) && (Agents is null || Agents.Contains(a.Id));
            if (!agentMatches)
            {
                return a;
            }

            return a with
            {
                Agencies = [.. a.Agencies.Select(g =>
                {
                    if (g.IsCouncil || (Agency is not null && g.Id != Agency) || (Role is not null && !g.Roles.Contains(Role)))
                    {
                        return g;
                    }

                    changed++;
                    return g with { Staff = Staffing(g.Staff * Factor) };
                })],
            };
        }).ToList();
        return changed == 0 ? throw Fail(this, variant, "scale_staff matches no agency with staff; check kind, agents, agency and role") : s with { Agents = agents };
    }
}
