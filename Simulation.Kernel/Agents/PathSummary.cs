namespace IsdnSim.Kernel.Agents;

/// <summary>The parts a project's lead time is made of, on its critical chain.</summary>
public enum PathPart
{
    /// <summary>Waiting in an agency's queue (including for answers to a consultation).</summary>
    Wait,

    /// <summary>From the start to the end of work, nights and weekends within included.</summary>
    Service,

    /// <summary>Waiting for a council session or a working-group meeting.</summary>
    Council,

    /// <summary>Files travelling between agents.</summary>
    Handoff,

    /// <summary>All time from a file being returned until it is back at the approver.</summary>
    Rework,

    /// <summary>Waiting for an application window to open.</summary>
    Window,

    /// <summary>A legal period running (public display, objections): no staff can shorten it.</summary>
    Period,
}

/// <summary>
/// Where the time on a project's critical chain went, in calendar days. At a join the chain of
/// the predecessor that finished last is kept, so for a finished project the parts add up to
/// its lead time.
/// </summary>
public readonly record struct PathSummary(double Wait, double Service, double Council, double Handoff, double Rework, double Window, double Period = 0)
{
    public double Total => Wait + Service + Council + Handoff + Rework + Window + Period;

    public PathSummary Add(PathPart part, double days) => part switch
    {
        PathPart.Wait => this with { Wait = Wait + days },
        PathPart.Service => this with { Service = Service + days },
        PathPart.Council => this with { Council = Council + days },
        PathPart.Handoff => this with { Handoff = Handoff + days },
        PathPart.Rework => this with { Rework = Rework + days },
        PathPart.Period => this with { Period = Period + days },
        _ => this with { Window = Window + days },
    };
}
