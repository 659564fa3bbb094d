using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Scenario.Language;

/// <summary>What a step has beyond role and effort; which of it a step may have depends on its kind.</summary>
internal sealed record StepExtras(
    IReadOnlyList<string> Consult, CalendarDays? Deadline, ReworkDefinition? Rework, bool PerSegment, SupportDefinition? Support,
    SpecialistDefinition? Specialist = null)
{
    public static readonly StepExtras None = new([], null, null, false, null);

    /// <summary>What the step decides, if the file says.</summary>
    public Discretion? Discretion { get; init; }

    /// <summary>Period: how long it runs.</summary>
    public CalendarDays? Duration { get; init; }

    /// <summary>Work and approval: the legal fiction's time.</summary>
    public CalendarDays? DeemedAfter { get; init; }

    /// <summary>Council: the committees that prepare the decision, in order.</summary>
    public IReadOnlyList<string> Committees { get; init; } = [];
}
