namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// One interval of a project's timeline. <see cref="Agent"/> and <see cref="Agency"/> say where it
/// waits or is worked on; for a hand-off, <see cref="Agent"/> sends and <see cref="To"/> receives.
/// An <see cref="Open"/> bar had not ended when the trace ended; it runs to the end of the run.
/// </summary>
internal sealed record TimelineBar(BarKind Kind, double From, double To, string Agent)
{
    public string? Agency { get; init; }

    public string? Receiver { get; init; }

    /// <summary>For a hand-off, the trace's <c>message</c> (step-ready, consult, rework, ...).</summary>
    public string? Message { get; init; }

    /// <summary>For a wait or work, the trace's <c>work</c> (step, consult, rework, support).</summary>
    public string? Work { get; init; }

    /// <summary>The item waited while the application window was closed.</summary>
    public bool Held { get; init; }

    public bool Open { get; init; }
}
