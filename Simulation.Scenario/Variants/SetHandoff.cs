using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>Set the hand-off latency between two levels or agents.</summary>
public sealed record SetHandoff(string A, string B, CalendarDays Latency, SourcePosition Position) : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("handoff", ["between", "latency"], Bind);

    private static SetHandoff? Bind(IOperationReader r)
    {
        var between = r.Require("between") ? r.Pair("between") : null;
        var latency = r.Require("latency") ? r.Duration("latency", $"the latency of {r.What}") : null;
        return between is var (a, b) && latency is { } l ? new SetHandoff(a, b, l, r.Position) : null;
    }

    public override string Describe() => $"hand-off {A} <-> {B}: {F(Latency.Value)} d";

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant) => AddHandoffRule(s, A, B, Latency, Position, variant);
}
