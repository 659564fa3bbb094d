namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>What a bar of the timeline shows.</summary>
internal enum BarKind
{
    /// <summary>A file on its way from one agent to another (send to arrives).</summary>
    HandOff,

    /// <summary>An item in an agency's queue (enqueue to start).</summary>
    Wait,

    /// <summary>Staff at work on the item (start to end).</summary>
    Work,

    /// <summary>An item on a council's agenda until the session that decides it (enqueue to step done), or a consultation waiting for a working group's meeting.</summary>
    Council,

    /// <summary>A legal period running (a period step, from ready to done): nobody works on it.</summary>
    Period,
}
