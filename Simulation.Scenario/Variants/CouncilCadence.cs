using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>Change how often councils meet (and optionally their agenda capacity).</summary>
public sealed record CouncilCadence(AgentKind? Kind, IReadOnlyList<string>? Agents, CalendarDays Every, int? Agenda, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("council_cadence", ["kind", "agents", "every", "agenda"], Bind);

    private static CouncilCadence? Bind(IOperationReader r)
    {
        var kind = r.Kind("kind");
        var agents = r.Agents("agents");
        var every = r.Require("every") ? r.Duration("every", $"how often councils meet in {r.What}") : null;
        var agenda = r.Integer("agenda", $"the agenda of {r.What}", 1, 100_000);
        return every is { } e && (!r.Has("agenda") || agenda is not null) ? new CouncilCadence(kind, agents, e, agenda, r.Position) : null;
    }

    public override string Describe()
    {
        var who = Agents is { } ids ? string.Join(", ", ids) : Kind is { } k ? $"every {AgentKinds.Name(k)}" : "every council";
        return $"councils of {who} meet every {F(Every.Value)} d" + (Agenda is { } a ? $", {a} items per session" : "");
    }

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        RequireAgents(s, Agents, this, variant);
        var changed = 0;
        var agents = s.Agents.Select(a =>
        {
            if ((Kind is not null && a.Kind != Kind) || (Agents is not null && !Agents.Contains(a.Id)))
            {
                return a;
            }

            return a with
            {
                Agencies = [.. a.Agencies.Select(g =>
                {
                    if (g.Sessions is not { } sessions)
                    {
                        return g;
                    }

                    changed++;
                    return g with { Sessions = sessions with { Every = Every, Agenda = Agenda ?? sessions.Agenda } };
                })],
            };
        }).ToList();
        return changed == 0 ? throw Fail(this, variant, "council_cadence matches no council (an agency with sessions)") : s with { Agents = agents };
    }
}
