using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// Joint plans (Konvoi, gemeinsame Wärmeplanung, §4(3) WPG): the obliged municipalities of each
/// Amt (or district) meet a shock's obligation with one project, led by the largest of them,
/// whose completion counts for every member against its own deadline. With <see cref="Process"/>
/// the joint project runs that process; with <see cref="MaxPopulation"/> only municipalities up
/// to that size join.
/// </summary>
public sealed record JointMandate(string Shock, AgentKind By, string? Process, int? MaxPopulation, SourcePosition Position) : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("joint_mandate", ["shock", "by", "process", "max_population"], Bind);

    private static JointMandate? Bind(IOperationReader r)
    {
        var shock = r.Require("shock") ? r.Id("shock", $"the shock of {r.What}") : null;
        var by = r.Require("by", " (amt or district: whose municipalities plan together)") ? r.Kind("by") : null;
        if (by is { } k && k is not (AgentKind.Amt or AgentKind.District))
        {
            r.Error($"{r.What}: 'by' must be amt or district (the municipalities below one of them plan together), not {AgentKinds.Name(k)}");
            by = null;
        }

        var process = r.Has("process") ? r.Id("process", $"the process of {r.What}") : null;
        var max = r.Has("max_population") ? r.Integer("max_population", $"max_population of {r.What}", 0, ScenarioLimits.MaxPopulation) : null;
        return shock is not null && by is { } b && (!r.Has("process") || process is not null) && (!r.Has("max_population") || max is not null)
            ? new JointMandate(shock, b, process, max, r.Position)
            : null;
    }

    public override string Describe() =>
        $"joint projects for shock '{Shock}': the municipalities of each {AgentKinds.Name(By)}" +
        (MaxPopulation is { } m ? $" up to {m:N0} inhabitants" : "") + (Process is { } p ? $", as process '{p}'" : "");

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        var shock = FindShock(s, Shock, this, variant);
        if (Process is { } p && s.Processes.All(x => x.Id != p))
        {
            throw Fail(this, variant, $"joint_mandate: '{p}' is not a process");
        }

        var resolver = new JurisdictionResolver(s.Agents, s.Jurisdiction);
        var already = shock.Joint.SelectMany(j => j.Members).ToHashSet(StringComparer.Ordinal);
        var joint = s.Agents
            .Where(a => a.Kind == AgentKind.Municipality && (MaxPopulation is not { } max || a.Population <= max))
            .Select((a, order) => (Agent: a, Order: order, Group: resolver.Ancestors(a.Id).FirstOrDefault(x => x.Kind == By)?.Id))
            .Where(x => x.Group is not null)
            .GroupBy(x => x.Group!, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(x => x.Agent.Population ?? 0).ThenBy(x => x.Order).Select(x => x.Agent.Id).ToList())
            .Where(members => members.Count >= 2)
            .ToList();
        if (joint.Count == 0)
        {
            throw Fail(this, variant, $"joint_mandate: no {AgentKinds.Name(By)} has two or more municipalities{(MaxPopulation is { } m ? $" of up to {m:N0} inhabitants" : "")} to plan together");
        }

        if (joint.SelectMany(m => m).FirstOrDefault(already.Contains) is { } twice)
        {
            throw Fail(this, variant, $"joint_mandate: '{twice}' already plans jointly for shock '{Shock}' (an earlier operation)");
        }

        var added = joint.Select(members => new JointMandateDefinition(members, Process));
        return s with { Shocks = [.. s.Shocks.Select(x => x.Id == Shock ? x with { Joint = [.. x.Joint, .. added] } : x)] };
    }
}
