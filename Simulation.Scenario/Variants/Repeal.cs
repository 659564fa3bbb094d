using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// A world without a law: the shock obliges nobody. Its groups stay, so deadline figures line up
/// with the variants it still binds (here they have nobody obliged); everything else is paired.
/// </summary>
public sealed record Repeal(string Shock, SourcePosition Position) : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("repeal", ["shock"], Bind);

    private static Repeal? Bind(IOperationReader r)
    {
        var shock = r.Require("shock") ? r.Id("shock", $"the shock of {r.What}") : null;
        return shock is not null ? new Repeal(shock, r.Position) : null;
    }

    public override string Describe() => $"repeal shock '{Shock}': it obliges nobody";

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        FindShock(s, Shock, this, variant);
        return s with { Shocks = [.. s.Shocks.Select(x => x.Id == Shock ? x with { Repealed = true } : x)] };
    }
}
