using System.Runtime.CompilerServices;

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
/// <remarks>
/// The parts are fields of their own (in the order of the parameters) so that a token's path can
/// be added to where it lies (<see cref="AddService"/>): built anew and copied, the path was read
/// as a whole right after its parts were written, which the processor cannot forward from the
/// stores still pending and waits for (on every piece of work done).
/// </remarks>
public readonly record struct PathSummary(double Wait, double Service, double Council, double Handoff, double Rework, double Window, double Period = 0)
{
    private readonly double _wait = Wait;
    private readonly double _service = Service;
    private readonly double _council = Council;
    private readonly double _handoff = Handoff;
    private readonly double _rework = Rework;
    private readonly double _window = Window;
    private readonly double _period = Period;

    public double Wait { get => _wait; init => _wait = value; }

    public double Service { get => _service; init => _service = value; }

    public double Council { get => _council; init => _council = value; }

    public double Handoff { get => _handoff; init => _handoff = value; }

    public double Rework { get => _rework; init => _rework = value; }

    public double Window { get => _window; init => _window = value; }

    public double Period { get => _period; init => _period = value; }

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

    /// <summary>
    /// A finished piece of work, added where the path lies: window, queue wait and service, or all
    /// of it as rework while the file is in rework (the same sums as <c>with</c> would make).
    /// </summary>
    internal static void AddService(ref PathSummary path, bool inRework, double window, double wait, double service)
    {
        if (inRework)
        {
            Unsafe.AsRef(in path._rework) = path._rework + window + wait + service;
        }
        else
        {
            Unsafe.AsRef(in path._window) = path._window + window;
            Unsafe.AsRef(in path._wait) = path._wait + wait;
            Unsafe.AsRef(in path._service) = path._service + service;
        }
    }
}
