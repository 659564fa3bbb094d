using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;

namespace IsdnSim.Kernel.Model;

public sealed record StepModel(
    int Index,
    string Id,
    string Name,
    int Role,
    Distribution Effort,
    int[] Predecessors,
    int[] Successors,
    ulong IdHash)
{
    public bool IsFinal => Successors.Length == 0;

    public StepKind Kind { get; init; } = StepKind.Work;

    /// <summary>Consultation: roles asked.</summary>
    public int[] Consult { get; init; } = [];

    /// <summary>Consultation: days after which silence counts as approval.</summary>
    public double Deadline { get; init; } = double.PositiveInfinity;

    public ReworkModel? Rework { get; init; }

    public bool PerSegment { get; init; }

    /// <summary>Predecessors that are done once per segment.</summary>
    public int SegmentPredecessors { get; init; }

    public int SupportRole { get; init; } = -1;

    public double SupportShare { get; init; }

    /// <summary>What the step decides; <see cref="Discretion.None"/> for a step that is not a decision.</summary>
    public Discretion Discretion { get; init; }

    /// <summary>Whether the step is a decision on the project, counted where it is taken.</summary>
    public bool IsDecision => Discretion != Discretion.None;

    /// <summary>Needs a specialist: at an agency with fewer posts, more effort and more returns; null for any office.</summary>
    public SpecialistDefinition? Specialist { get; init; }

    /// <summary>Period: days from ready to done.</summary>
    public double Duration { get; init; }

    /// <summary>Work and approval: days after which the step, unfinished by its holder, counts as done by law.</summary>
    public double DeemedAfter { get; init; } = double.PositiveInfinity;

    /// <summary>Council: the committees that prepare it, in order, as indices into <see cref="SimulationModel.CommitteeRoles"/>.</summary>
    public int[] Committees { get; init; } = [];
}

public sealed record ReworkModel(double Probability, double LocalProbability, int ReturnsTo, Distribution Effort, int MaxRounds);
