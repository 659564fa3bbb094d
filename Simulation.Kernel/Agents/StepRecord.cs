using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>One finished step (or segment of a step) of one project, recorded only when a run asks for step detail.</summary>
public readonly record struct StepRecord(
    ProjectId Project,
    double ProjectArrival,
    int Step,
    int Agent,
    int Agency,
    double Ready,
    double Start,
    double End,
    double Effort)
{
    public int Segment { get; init; } = -1;

    /// <summary>Done by law (a legal fiction ran out): no work of its holder had effect; <see cref="Start"/> is that moment and <see cref="Effort"/> 0.</summary>
    public bool ByLaw { get; init; }
}
