namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>What a lane of a project's timeline follows: the step itself, or work another agency does for it.</summary>
internal enum LaneRole
{
    /// <summary>The step: the file handed to it, its waits, its work or its council wait.</summary>
    Step,

    /// <summary>A statement a consulted agency writes for a consultation step.</summary>
    Consult,

    /// <summary>Rework after an approval returned the file.</summary>
    Rework,

    /// <summary>A share of the step done by another agency.</summary>
    Support,
}
