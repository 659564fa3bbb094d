using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Tracing;

/// <summary>What happened, in a trace (docs/trace-format.md names them as written in the file).</summary>
public enum TraceKind : byte
{
    /// <summary>A project arrived (demand, or a law's mandate) at the agent that starts it.</summary>
    Arrive,

    /// <summary>A file (a message) was sent to <see cref="TraceEvent.Peer"/>, to arrive at <see cref="TraceEvent.Value"/>.</summary>
    Send,

    /// <summary>An item joined an agency's queue (or a council's agenda); <see cref="TraceEvent.Queue"/> is the length after.</summary>
    Enqueue,

    /// <summary>Staff started an item; <see cref="TraceEvent.Value"/> is its effort in working days.</summary>
    Start,

    /// <summary>Staff finished an item.</summary>
    End,

    /// <summary>A council session; <see cref="TraceEvent.Peer"/> items decided, <see cref="TraceEvent.Queue"/> still waiting.</summary>
    Session,

    /// <summary>A step of a project (or of one segment) is done; <see cref="TraceEvent.Value"/> days from ready to done.</summary>
    StepDone,

    /// <summary>An approval returned the file for rework to <see cref="TraceEvent.Peer"/>.</summary>
    Return,

    /// <summary>A consultation's deadline passed before every answer came: it lapses, the lead goes on without them.</summary>
    Lapsed,

    /// <summary>A working group settled a consultation at its meeting.</summary>
    Meeting,

    /// <summary>A project finished; <see cref="TraceEvent.Value"/> is its lead time in days.</summary>
    Finish,

    /// <summary>
    /// A consultation began: <see cref="TraceEvent.Peer"/> bodies asked; <see cref="TraceEvent.Value"/> is when
    /// the consultation lapses, or (<see cref="TraceEvent.Detail"/> 1) when the working group meets on it.
    /// </summary>
    Ask,

    /// <summary>A legal period began (a period step); <see cref="TraceEvent.Value"/> is when it ends.</summary>
    Period,

    /// <summary>A legal fiction: the holder did not finish the step in time, so it counts as done by law.</summary>
    Deemed,

    /// <summary>Staff reached a file whose step the law had already decided: it leaves the queue without work.</summary>
    Drop,

    /// <summary>
    /// A post of an agency fell away: its holder fell ill (<see cref="TraceEvent.Detail"/> 1) or went on
    /// leave (2), or it fell vacant (3). <see cref="TraceEvent.Peer"/> is the post, <see cref="TraceEvent.Value"/>
    /// the posts present after.
    /// </summary>
    Away,

    /// <summary>A post is back at work (<see cref="TraceEvent.Detail"/>: what ended, as for <see cref="Away"/>).</summary>
    Back,
}

/// <summary>
/// One thing that happened at one agent, in the order the agent did it (<see cref="Sequence"/>).
/// Fields a kind does not use are -1 (or 0 for <see cref="Value"/>).
/// </summary>
public readonly record struct TraceEvent(
    double Time,
    int Agent,
    int Sequence,
    TraceKind Kind,
    ProjectId Project,
    int Segment,
    int Step,
    int Agency,
    int Peer,
    byte Detail,
    int Queue,
    int Busy,
    double Value)
{
    /// <summary>Background work (the agency's everyday load) belongs to no project.</summary>
    public bool HasProject => Project.Owner >= 0;

    /// <summary>The order of a trace file: time, then agent, then the agent's own order.</summary>
    public static int Compare(in TraceEvent x, in TraceEvent y)
    {
        var c = x.Time.CompareTo(y.Time);
        if (c != 0)
        {
            return c;
        }

        c = x.Agent.CompareTo(y.Agent);
        return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
    }
}
