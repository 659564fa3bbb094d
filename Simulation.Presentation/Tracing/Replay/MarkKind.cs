namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>What a <see cref="TimelineMark"/> marks.</summary>
internal enum MarkKind
{
    /// <summary>An approval returned the file for rework (<c>return</c>); the receiver reworks it.</summary>
    Return,

    /// <summary>A consultation's deadline passed before every statement came (<c>lapsed</c>).</summary>
    Lapsed,

    /// <summary>A working group settled a consultation at its meeting (<c>meeting</c>).</summary>
    Meeting,

    /// <summary>A legal fiction: the holder had not finished the step in time, so it counts as done by law (<c>deemed</c>).</summary>
    Deemed,
}
