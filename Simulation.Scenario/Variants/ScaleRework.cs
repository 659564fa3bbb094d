using IsdnSim.Kernel.Definitions;
using static IsdnSim.Scenario.Variants.OperationSupport;

namespace IsdnSim.Scenario.Variants;

/// <summary>
/// Multiply the chance that an approval returns the file for rework (both the distant and the
/// local probability) in the steps that match: of a process, one step of it, or the steps of a
/// role. Fewer incomplete applications (a digital application that checks its own completeness)
/// are fewer returns. The draw deciding a return stays the same random number; only its
/// threshold moves, so common random numbers still pair the variants.
/// </summary>
public sealed record ScaleRework(string? Process, string? Step, string? Role, double Factor, SourcePosition Position) : VariantOperation(Position)
{
    public static OperationSyntax Syntax { get; } = new("scale_rework", ["factor", "process", "step", "role"], Bind);

    private static ScaleRework? Bind(IOperationReader r)
    {
        var factor = r.Require("factor") ? r.Number("factor", $"the factor of {r.What}", 0, 100) : null;
        var process = r.Process("process");
        var step = r.Has("step") ? r.Step("step", "process") : null;
        var role = r.Role("role");
        return factor is { } f && (!r.Has("process") || process is not null) && (!r.Has("step") || step is not null) && (!r.Has("role") || role is not null)
            ? new ScaleRework(process, step, role, f, r.Position)
            : null;
    }

    public override string Describe()
    {
        var which = Step is not null ? $"step '{Step}' of '{Process}'" : Process is not null ? $"the steps of '{Process}'" : "all approval steps";
        return $"scale the rework probabilities of {which}{(Role is not null ? $" held by '{Role}'" : "")} by x{F(Factor)}";
    }

    public override ScenarioDefinition Apply(ScenarioDefinition s, VariantDefinition variant)
    {
        var changed = 0;
        var processes = s.Processes.Select(p => Process is not null && p.Id != Process ? p : p with
        {
            Steps = [.. p.Steps.Select(step =>
            {
                if (step.Rework is not { } rework || (Step is not null && step.Id != Step) || (Role is not null && step.Role != Role))
                {
                    return step;
                }

                var probability = rework.Probability * Factor;
                var local = rework.LocalProbability * Factor;
                if (probability > 1 || local > 1)
                {
                    throw Fail(this, variant, $"scale_rework: the rework probability of step '{step.Id}' of '{p.Id}' would be {F(Math.Max(probability, local))}, above 1");
                }

                changed++;
                return step with { Rework = rework with { Probability = probability, LocalProbability = local } };
            })],
        }).ToList();
        return changed == 0
            ? throw Fail(this, variant, "scale_rework matches no step that returns files for rework; check process, step and role")
            : s with { Processes = processes };
    }
}
