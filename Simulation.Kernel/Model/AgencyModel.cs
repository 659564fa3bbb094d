using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;

namespace IsdnSim.Kernel.Model;

/// <summary>
/// An agency with <see cref="Staff"/> servers (c in queueing terms) and a FIFO or priority
/// queue, or a council (<see cref="Sessions"/>) that decides in sessions.
/// </summary>
public sealed record AgencyModel(int Index, string Id, string Name, int Staff, double Productivity, IReadOnlyList<string> Roles, ulong IdHash)
{
    public SessionsDefinition? Sessions { get; init; }

    public bool IsCouncil => Sessions is not null;

    public bool PriorityQueue { get; init; }

    public int ProjectPriority { get; init; } = 2;

    public BackgroundDefinition? Background { get; init; }

    public IntakeDefinition? Intake { get; init; }

    /// <summary>When its posts take no work (illness, leave, vacancy); null: always there.</summary>
    public AbsenceDefinition? Absence { get; init; }

    /// <summary>Background effort, for sampling.</summary>
    public Distribution? BackgroundEffort => Background?.Effort;
}
