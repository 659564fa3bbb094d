namespace IsdnSim.Core.Kernel;

/// <summary>What travels with a project (or one segment of it) from step to step.</summary>
public readonly record struct ProjectToken(ProjectId Id, double Arrival)
{
    public PathSummary Path { get; init; }

    /// <summary>Days from the start by which a shock requires the project done; infinite if none.</summary>
    public double Deadline { get; init; } = double.PositiveInfinity;

    /// <summary>The shock and group that obliged this project, or -1.</summary>
    public int Shock { get; init; } = -1;

    public int Group { get; init; } = -1;

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
}
