using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>Form a joint working group meeting every <see cref="Every"/>: the listed agents, and the subtrees selected with 'below'.</summary>
public sealed record AddWorkingGroup(string Id, IReadOnlyList<AgentSelector> Members, CalendarDays Every, SourcePosition Position)
    : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("working_group", ["id", "members", "below", "every"], Bind);

    private static AddWorkingGroup? Bind(IOperationReader r) =>
        r.WorkingGroup() is { } group ? new AddWorkingGroup(group.Id, group.Members, group.Every, r.Position) : null;

    public override string Describe() =>
        $"working group '{Id}' every {F(Every.Value)} d: " + string.Join(" and ", new[]
        {
            Members.Any(m => !m.Below) ? string.Join(", ", Members.Where(m => !m.Below)) : null,
            Members.FirstOrDefault(m => m.Below) is { Below: true } b ? $"all agents below {b.AgentId}" : null,
        }.Where(x => x is not null));

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant) =>
        s with { WorkingGroups = [.. s.WorkingGroups, new WorkingGroupDefinition(Id, Members, Every, CalendarDays.Zero) { Position = Position }] };
}
