using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Tracing;

/// <summary>
/// What one agent did, for a traced run (docs/trace-format.md): each event written once, complete,
/// numbered in the agent's own order, and handed over window by window.
/// </summary>
public sealed class TraceRecorder(int agent)
{
    /// <summary>The project of work that belongs to none (background work, sessions).</summary>
    public static readonly ProjectId NoProject = new(-1, -1, -1);

    private readonly List<TraceEvent> _events = [];
    private int _sequence;

    public void Add(TraceKind kind, double t, ProjectId project, int segment, int step, int agency,
        int peer = -1, byte detail = 0, int queue = -1, int busy = -1, double value = 0) =>
        _events.Add(new TraceEvent(t, agent, _sequence++, kind, project, segment, step, agency, peer, detail, queue, busy, value));

    /// <summary>Whether something was recorded since the last <see cref="Drain"/>.</summary>
    public bool HasEvents => _events.Count > 0;

    /// <summary>Everything recorded since the last call.</summary>
    public TraceEvent[] Drain()
    {
        var events = _events.ToArray();
        _events.Clear();
        return events;
    }
}
