using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>What travels with a project (or one segment of it) from step to step.</summary>
/// <remarks>The constructor is inlined (with its initialisers it was too large for the JIT to inline by itself): one a project.</remarks>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
public readonly record struct ProjectToken(ProjectId Id, double Arrival)
{
    public PathSummary Path { get; init; }

    /// <summary>Which segment of a linear measure this token is, or -1 for the project as a whole.</summary>
    public int Segment { get; init; } = -1;

    /// <summary>The municipality whose holders do the steps of this token: the owner, or the segment's municipality.</summary>
    public int Territory { get; init; }

    public DominantStep Dominant { get; init; } = DominantStep.None;

    public int Handoffs { get; init; }

    public int Reworks { get; init; }

    /// <summary>Between a return for rework and the file's return to the approver: all time counts as rework.</summary>
    public bool InRework { get; init; }

    /// <summary>Reviews of the current approval so far (0 at the first).</summary>
    public int Round { get; init; }

    public ProjectToken Accrue(PathPart part, double days) =>
        days == 0 ? this : this with { Path = Path.Add(InRework ? PathPart.Rework : part, days) };

    /// <summary>A finished piece of work: window, queue wait and service added in one copy (the hot path).</summary>
    public ProjectToken AfterService(double window, double wait, double service)
    {
        var p = Path;
        p = InRework
            ? p with { Rework = p.Rework + window + wait + service }
            : p with { Window = p.Window + window, Wait = p.Wait + wait, Service = p.Service + service };
        return this with { Path = p };
    }
}
