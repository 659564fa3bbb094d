using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>What travels with a project (or one segment of it) from step to step.</summary>
/// <remarks>The constructor is inlined (with its initialisers it was too large for the JIT to inline by itself): one a project.</remarks>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
public readonly record struct ProjectToken(ProjectId Id, double Arrival)
{
    /// <summary>A new project's token, for its <paramref name="territory"/>: built in one place, where an initialiser built it in a temporary and copied it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ProjectToken(ProjectId id, double arrival, int territory)
        : this(id, arrival)
    {
        Territory = territory;
    }

    private readonly PathSummary _path;

    public PathSummary Path { get => _path; init => _path = value; }

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

    /// <summary>
    /// A finished piece of work: window, queue wait and service added to the path of the token
    /// where it lies (a work item's, which nothing else reads after it): the hot path, once per
    /// piece of work, where a new token was two copies of its 128 bytes.
    /// </summary>
    internal static void AddService(ref ProjectToken token, double window, double wait, double service) =>
        PathSummary.AddService(ref Unsafe.AsRef(in token._path), token.InRework, window, wait, service);
}
