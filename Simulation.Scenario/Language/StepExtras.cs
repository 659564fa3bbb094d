using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Scenario.Language;

/// <summary>What a step has beyond role and effort; which of it a step may have depends on its kind.</summary>
internal sealed record StepExtras(
    IReadOnlyList<string> Consult, CalendarDays? Deadline, ReworkDefinition? Rework, bool PerSegment, SupportDefinition? Support)
{
    public static readonly StepExtras None = new([], null, null, false, null);

    /// <summary>Council: the committees that prepare the decision, in order.</summary>
    public IReadOnlyList<string> Committees { get; init; } = [];
}
