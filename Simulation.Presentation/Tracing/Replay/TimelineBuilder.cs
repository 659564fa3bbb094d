namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// Reads one project's events into a <see cref="ProjectTimeline"/>. An item's wait and work are
/// paired by where they happen (agent, agency, step, segment, kind of work), first in first out.
/// A file sent to an agency for a statement, rework or support is drawn in the lane of the
/// agency that enqueued it on arrival; the answer in the lane of the agency that ended it then.
/// </summary>
internal sealed class TimelineBuilder(TraceProcess? process, IReadOnlySet<(string Agent, string Agency)> councils, double runEnd)
{
    private const double SameTime = 1e-9;

    private readonly Dictionary<(string Step, int? Segment, LaneRole Role, string? Agent, string? Agency), TimelineLane> _lanes = [];
    private readonly List<TimelineLane> _inOrder = [];
    private readonly Dictionary<ItemKey, Queue<(TimelineLane Lane, int Bar)>> _waiting = [];
    private readonly Dictionary<ItemKey, Queue<(TimelineLane Lane, int Bar)>> _working = [];
    private readonly Dictionary<ItemKey, Queue<(TimelineLane Lane, int Bar)>> _onAgenda = [];
    private readonly List<Placed> _enqueued = [];
    private readonly List<Placed> _ended = [];

    public ProjectTimeline Build(TraceRecord arrival, string processId, IReadOnlyList<TraceRecord> events)
    {
        double? finish = null, lead = null;
        string? finalStep = null;
        var sends = new List<TraceRecord>();
        foreach (var e in events)
        {
            switch (e.Ev)
            {
                case "enqueue":
                    Enqueue(e);
                    break;
                case "start":
                    Start(e);
                    break;
                case "end":
                    End(e);
                    break;
                case "step-done":
                    StepDone(e);
                    break;
                case "send":
                    sends.Add(e);
                    break;
                case "return":
                    Main(e).Marks.Add(new TimelineMark(MarkKind.Return, e.T, e.Agent, e.To));
                    break;
                case "lapsed":
                    Main(e).Marks.Add(new TimelineMark(MarkKind.Lapsed, e.T, e.Agent, null));
                    break;
                case "deemed":
                    // The file may still lie in the queue, or be in work: the step no longer waits for it.
                    Close(_waiting, Key(e) with { Work = "step" }, e.T);
                    Main(e).Marks.Add(new TimelineMark(MarkKind.Deemed, e.T, e.Agent, null));
                    break;
                case "period":
                    Main(e).Bars.Add(new TimelineBar(BarKind.Period, e.T, e.Until ?? e.T, e.Agent) { Agency = e.Agency, Work = "step" });
                    break;
                case "ask" when e.MeetingAt is { } meeting:
                    // Put to a working group: no letters, the matter waits for its meeting.
                    Main(e).Bars.Add(new TimelineBar(BarKind.Council, e.T, meeting, e.Agent) { Agency = e.Agency, Work = "step" });
                    break;
                case "meeting":
                    Main(e).Marks.Add(new TimelineMark(MarkKind.Meeting, e.T, e.Agent, null));
                    break;
                case "finish":
                    (finish, lead, finalStep) = (e.T, e.Lead, e.Step);
                    break;
            }
        }

        // Sends last: a request is placed by the enqueue it causes later in the trace.
        foreach (var send in sends)
        {
            HandOff(send);
        }

        foreach (var open in new[] { _waiting, _working, _onAgenda }.SelectMany(d => d.Values).SelectMany(q => q))
        {
            open.Lane.Bars[open.Bar] = open.Lane.Bars[open.Bar] with { To = runEnd, Open = true };
        }

        var lanes = _inOrder
            .Select((lane, i) => (lane, i))
            .OrderBy(x => StepIndex(x.lane.Step)).ThenBy(x => x.lane.Segment ?? -1).ThenBy(x => x.lane.Role != LaneRole.Step).ThenBy(x => x.i)
            .Select(x => x.lane)
            .ToList();
        foreach (var lane in lanes)
        {
            // Stable, so that a wait and the work that follows it at the same time stay in order.
            var sorted = lane.Bars.OrderBy(b => b.From).ToList();
            lane.Bars.Clear();
            lane.Bars.AddRange(sorted);
        }

        if (finalStep is not null)
        {
            MarkCriticalPath(lanes, finalStep);
        }

        return new ProjectTimeline
        {
            Id = arrival.Project!,
            Process = processId,
            Owner = arrival.Owner ?? arrival.Agent,
            Arrive = arrival.T,
            Finish = finish,
            Lead = lead,
            Lanes = lanes,
        };
    }

    private void Enqueue(TraceRecord e)
    {
        var role = RoleOfWork(e.Work);
        var lane = role == LaneRole.Step ? Main(e) : Lane(e.Step ?? "", e.Segment, role, e.Agent, e.Agency);
        var onAgenda = role == LaneRole.Step && e.Agency is not null && councils.Contains((e.Agent, e.Agency));
        lane.Bars.Add(new TimelineBar(onAgenda ? BarKind.Council : BarKind.Wait, e.T, e.T, e.Agent) { Agency = e.Agency, Work = e.Work, Held = e.Held });
        Open(onAgenda ? _onAgenda : _waiting, Key(e), lane);
        _enqueued.Add(new Placed(e, lane));
    }

    private void Start(TraceRecord e)
    {
        var lane = Close(_waiting, Key(e), e.T) ?? (RoleOfWork(e.Work) == LaneRole.Step ? Main(e) : Lane(e.Step ?? "", e.Segment, RoleOfWork(e.Work), e.Agent, e.Agency));
        lane.Bars.Add(new TimelineBar(BarKind.Work, e.T, e.T, e.Agent) { Agency = e.Agency, Work = e.Work });
        Open(_working, Key(e), lane);
    }

    private void End(TraceRecord e)
    {
        if (Close(_working, Key(e), e.T) is { } lane)
        {
            _ended.Add(new Placed(e, lane));
        }
    }

    private void StepDone(TraceRecord e)
    {
        var lane = Main(e);
        lane.Done = e.T;
        lane.Ready = e.T - (e.Days ?? 0);
        lane.DoneAgent = e.Agent;
        lane.DoneAgency = e.Agency;
        Close(_onAgenda, Key(e) with { Work = "step" }, e.T);
    }

    private void HandOff(TraceRecord send)
    {
        var step = send.Step ?? "";
        var (role, reply) = RoleOfMessage(send.Message);
        TimelineLane lane;
        if (role == LaneRole.Step)
        {
            lane = Main(send);
        }
        else if (!reply)
        {
            var cause = _enqueued.FirstOrDefault(p => !p.Used && p.Event.Agent == send.To && Math.Abs(p.Event.T - (send.Arrives ?? send.T)) < SameTime
                && p.Event.Step == send.Step && p.Event.Segment == send.Segment && RoleOfWork(p.Event.Work) == role);
            lane = cause is null ? Lane(step, send.Segment, role, send.To, null) : cause.Use();
        }
        else
        {
            var answered = _ended.LastOrDefault(p => !p.Used && p.Event.Agent == send.Agent && Math.Abs(p.Event.T - send.T) < SameTime
                && p.Event.Step == send.Step && p.Event.Segment == send.Segment && RoleOfWork(p.Event.Work) == role);
            lane = answered is null ? Lane(step, send.Segment, role, send.Agent, null) : answered.Use();
        }

        lane.Bars.Add(new TimelineBar(BarKind.HandOff, send.T, send.Arrives ?? send.T, send.Agent) { Receiver = send.To, Message = send.Message });
    }

    /// <summary>Walks back from the final step: at each step, to the predecessor that was done last.</summary>
    private void MarkCriticalPath(List<TimelineLane> lanes, string finalStep)
    {
        var done = lanes.Where(l => l.Role == LaneRole.Step && l.Done is not null).ToList();
        var current = done.Where(l => l.Step == finalStep).MaxBy(l => l.Done);
        while (current is { Critical: false })
        {
            current.Critical = true;
            var segment = current.Segment;
            var after = process?.Steps.FirstOrDefault(s => s.Id == current.Step)?.After ?? [];
            current = after
                .SelectMany(p =>
                {
                    // A per-segment step waits for its own segment of a per-segment predecessor; otherwise for all of it.
                    var ofStep = done.Where(l => l.Step == p).ToList();
                    var sameSegment = ofStep.Where(l => segment is not null && l.Segment == segment).ToList();
                    return sameSegment.Count > 0 ? sameSegment : ofStep;
                })
                .MaxBy(l => l.Done);
        }
    }

    private TimelineLane Main(TraceRecord e) => Lane(e.Step ?? "", e.Segment, LaneRole.Step, null, null);

    private TimelineLane Lane(string step, int? segment, LaneRole role, string? agent, string? agency)
    {
        if (!_lanes.TryGetValue((step, segment, role, agent, agency), out var lane))
        {
            lane = new TimelineLane(step, segment, role, agent, agency);
            _lanes.Add((step, segment, role, agent, agency), lane);
            _inOrder.Add(lane);
        }

        return lane;
    }

    private static void Open(Dictionary<ItemKey, Queue<(TimelineLane Lane, int Bar)>> open, ItemKey key, TimelineLane lane)
    {
        if (!open.TryGetValue(key, out var queue))
        {
            open.Add(key, queue = new Queue<(TimelineLane, int)>());
        }

        queue.Enqueue((lane, lane.Bars.Count - 1));
    }

    private static TimelineLane? Close(Dictionary<ItemKey, Queue<(TimelineLane Lane, int Bar)>> open, ItemKey key, double t)
    {
        if (!open.TryGetValue(key, out var queue) || !queue.TryDequeue(out var item))
        {
            return null;
        }

        item.Lane.Bars[item.Bar] = item.Lane.Bars[item.Bar] with { To = t };
        return item.Lane;
    }

    private int StepIndex(string step)
    {
        var index = process?.Steps.Select(s => s.Id).ToList().IndexOf(step) ?? -1;
        return index < 0 ? int.MaxValue : index;
    }

    private static ItemKey Key(TraceRecord e) => new(e.Agent, e.Agency, e.Step, e.Segment, e.Work);

    private static LaneRole RoleOfWork(string? work) => work switch
    {
        "consult" => LaneRole.Consult,
        "rework" => LaneRole.Rework,
        "support" => LaneRole.Support,
        _ => LaneRole.Step,
    };

    private static (LaneRole Role, bool Reply) RoleOfMessage(string? message) => message switch
    {
        "consult" => (LaneRole.Consult, false),
        "consult-reply" => (LaneRole.Consult, true),
        "rework" => (LaneRole.Rework, false),
        "rework-done" => (LaneRole.Rework, true),
        "support" => (LaneRole.Support, false),
        "support-reply" => (LaneRole.Support, true),
        _ => (LaneRole.Step, false),
    };

    /// <summary>Where an item waits or is worked on; wait and work of one item share it.</summary>
    private readonly record struct ItemKey(string Agent, string? Agency, string? Step, int? Segment, string? Work);

    /// <summary>An enqueue or end event and the lane it went to, to place the hand-off it caused or answered (once).</summary>
    private sealed class Placed(TraceRecord e, TimelineLane lane)
    {
        public TraceRecord Event { get; } = e;

        public bool Used { get; private set; }

        public TimelineLane Use()
        {
            Used = true;
            return lane;
        }
    }
}
