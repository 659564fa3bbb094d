namespace IsdnSim.Presentation.Tracing;

/// <summary>One event line; fields the event kind does not have are null (docs/trace-format.md).</summary>
public sealed record TraceRecord(double T, string Date, string Ev, string Agent)
{
    public string? Agency { get; init; }

    public string? Project { get; init; }

    public string? Step { get; init; }

    public int? Segment { get; init; }

    public string? To { get; init; }

    public string? Message { get; init; }

    public double? Arrives { get; init; }

    public string? Work { get; init; }

    public int? Queue { get; init; }

    public int? Busy { get; init; }

    public double? Effort { get; init; }

    public bool Held { get; init; }

    public int? Decided { get; init; }

    public double? Days { get; init; }

    public string? Process { get; init; }

    public string? Owner { get; init; }

    public double? Lead { get; init; }

    public int? Asked { get; init; }

    /// <summary>For ask: when the consultation lapses if statements are still missing.</summary>
    public double? Deadline { get; init; }

    /// <summary>For ask: when the working group meets on it.</summary>
    public double? MeetingAt { get; init; }

    /// <summary>For period: when the legal period ends.</summary>
    public double? Until { get; init; }
}
