using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>A finished project: arrival and finish in days since the start, where its time went, and what decided it.</summary>
/// <remarks>
/// The constructor is inlined: a call passed the 56-byte path on the stack once per finished project.
/// The members are fields of their own (in the order of the parameters, then the rest) so that a
/// record can be written where it is kept (<see cref="Write"/>): built on the stack and copied,
/// it was read as a whole right after its fields were written, which the processor cannot
/// forward from the stores still pending and waits for (once per finished project).
/// </remarks>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
public readonly record struct ProjectRecord(ProjectId Id, double Arrival, double Finish, PathSummary Path)
{
    private readonly ProjectId _id = Id;
    private readonly double _arrival = Arrival;
    private readonly double _finish = Finish;
    private readonly PathSummary _path = Path;
    private readonly double _deadline = double.PositiveInfinity;
    private readonly int _shock = -1;
    private readonly int _group = -1;
    private readonly DominantStep _dominant = DominantStep.None;
    private readonly int _handoffs;
    private readonly int _reworks;

    public ProjectId Id { get => _id; init => _id = value; }

    public double Arrival { get => _arrival; init => _arrival = value; }

    public double Finish { get => _finish; init => _finish = value; }

    public PathSummary Path { get => _path; init => _path = value; }

    public double LeadTime => Finish - Arrival;

    public double Deadline { get => _deadline; init => _deadline = value; }

    public int Shock { get => _shock; init => _shock = value; }

    public int Group { get => _group; init => _group = value; }

    public DominantStep Dominant { get => _dominant; init => _dominant = value; }

    public int Handoffs { get => _handoffs; init => _handoffs = value; }

    public int Reworks { get => _reworks; init => _reworks = value; }

    public bool OnTime => Finish <= Deadline;

    /// <summary>
    /// Writes into <paramref name="slot"/> the record of a project of no shock that
    /// <paramref name="token"/> finished at <paramref name="finish"/>, its longest step the token's
    /// or the last one (<paramref name="step"/> at <paramref name="agent"/>'s <paramref name="agency"/>,
    /// <paramref name="duration"/> days) if longer (<see cref="DominantStep.Longer"/>): the same
    /// record as <c>new ProjectRecord(...) { Dominant = ..., Handoffs = ..., Reworks = ... }</c>.
    /// </summary>
    internal static void Write(ref ProjectRecord slot, in ProjectToken token, double finish, int step, int agent, int agency, double duration)
    {
        Unsafe.AsRef(in slot._id) = token.Id;
        Unsafe.AsRef(in slot._arrival) = token.Arrival;
        Unsafe.AsRef(in slot._finish) = finish;
        Unsafe.AsRef(in slot._path) = token.Path;
        Unsafe.AsRef(in slot._deadline) = double.PositiveInfinity;
        Unsafe.AsRef(in slot._shock) = -1;
        Unsafe.AsRef(in slot._group) = -1;
        Unsafe.AsRef(in slot._dominant) = token.Dominant.Longer(step, agent, agency, duration);
        Unsafe.AsRef(in slot._handoffs) = token.Handoffs;
        Unsafe.AsRef(in slot._reworks) = token.Reworks;
    }
}
