namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// One row of a project's timeline: a step (of one segment, for a per-segment step), or the work
/// one other agency does for it (a statement, rework, support).
/// </summary>
internal sealed class TimelineLane(string step, int? segment, LaneRole role, string? agent, string? agency)
{
    public string Step { get; } = step;

    public int? Segment { get; } = segment;

    public LaneRole Role { get; } = role;

    /// <summary>For a lane other than the step's own, the agent (and agency, where the trace tells) doing the work.</summary>
    public string? Agent { get; } = agent;

    public string? Agency { get; } = agency;

    public List<TimelineBar> Bars { get; } = [];

    public List<TimelineMark> Marks { get; } = [];

    /// <summary>For the step's own lane: when the step could start (its predecessors done and the file arrived), from <c>step-done</c>'s <c>days</c>.</summary>
    public double? Ready { get; set; }

    /// <summary>For the step's own lane: when the step was done; null if it was not done within the trace.</summary>
    public double? Done { get; set; }

    /// <summary>For the step's own lane: the agent and agency that completed the step.</summary>
    public string? DoneAgent { get; set; }

    public string? DoneAgency { get; set; }

    /// <summary>The step is on the project's critical path: the chain of steps, each done last among its predecessors, that ends in the final step.</summary>
    public bool Critical { get; set; }
}
