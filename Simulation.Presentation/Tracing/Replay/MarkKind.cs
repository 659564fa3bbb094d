namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>What a <see cref="TimelineMark"/> marks.</summary>
internal enum MarkKind
{
    /// <summary>An approval returned the file for rework (<c>return</c>); the receiver reworks it.</summary>
    Return,

    /// <summary>A consultation's legal deadline passed; silence counts as approval (<c>deemed</c>).</summary>
    Deemed,

    /// <summary>A working group settled a consultation at its meeting (<c>meeting</c>).</summary>
    Meeting,
}
