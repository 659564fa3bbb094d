using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// One agent (a municipality, district, operator, ...) during one replication. It owns its
/// event list and agencies, and talks to other agents only through messages. Both engines
/// drive it the same way: <see cref="Initialize"/>, then <see cref="Advance"/> once per window
/// it has something due in, then <see cref="Close"/>. Its behaviour does not depend on how
/// time is cut into windows: local events are ordered by (time, creation sequence), messages
/// by (delivery, sender, sender sequence), and at equal times messages come first.
/// </summary>
public sealed partial class AgentRuntime
{
    private readonly SimulationModel _model;
    private readonly WorkCalendar _calendar;
    private readonly ulong _root;
    private readonly AgentOptions _options;
    private readonly AgentModel _self;
    private readonly StaffedAgency?[] _staffed;
    private readonly CouncilRuntime?[] _councils;
    private readonly ArrivalSource[] _sources;
    private readonly BackgroundSource?[] _background;
    private readonly IReadOnlyList<MandateModel> _mandates;
    private readonly StepModel[][] _stepsByProcess;
    private readonly MinHeap<ScheduledEvent, EventOrder> _events = new();
    private readonly MinHeap<Message, MessageOrder> _messages = new();
    private readonly List<Message> _outbox = [];
    private readonly ChunkedList<ProjectRecord> _finished = new();
    private readonly List<StepRecord> _steps = [];
    private readonly List<WorkItem> _decided = [];
    private readonly long[] _handoffs;
    private readonly long[] _reworks;
    private readonly long[] _mandated;
    private readonly Dictionary<(int Owner, int Process), (long Count, double Sum, long Before)> _mandatedArrivals = [];
    private readonly double _warmup;
    private readonly List<TraceEvent>? _trace;
    private int _traceSequence;
    private long _decisions;
    private long _congruent;
    private long _consultations;
    private long _deemed;
    private long _sequence;
    private long _sendSequence;
    private long _eventsProcessed;
    private double _final; // everything before this time has been processed and can no longer change

    public AgentRuntime(SimulationModel model, int index, int replication, AgentOptions? options = null)
    {
        _model = model;
        Index = index;
        _self = model.Agents[index];
        _calendar = model.Calendar;
        _options = options ?? AgentOptions.Default;
        _root = StreamKeys.Replication(model.Seed, replication);
        _warmup = model.Warmup.Days;
        _trace = _options.Trace ? [] : null;
        _staffed = [.. _self.Agencies.Select(a => a.IsCouncil ? null : new StaffedAgency(a, _calendar, model.YearStarts, model.Start, model.Warmup.Days))];
        _councils = [.. _self.Agencies.Select(a => a.IsCouncil ? new CouncilRuntime(a, _calendar, model.YearStarts, model.Warmup.Days) : null)];
        _sources = [.. model.Sources[index].Select(s => new ArrivalSource(
            s.Owner,
            s.Process,
            s.Rate.PerDay,
            RandomStream.FromKey(StreamKeys.Arrivals(_root, model.Agents[s.Owner].IdHash, model.Processes[s.Process].IdHash))))];
        _background = [.. _self.Agencies.Select(a => a.Background is { } b && b.Rate.PerDay > 0
            ? new BackgroundSource(b.Rate.PerDay, RandomStream.FromKey(StreamKeys.Background(_root, _self.IdHash, a.IdHash)))
            : null)];
        _mandates = model.Mandates[index];
        _stepsByProcess = [.. model.Processes.Select(p => p.Steps.ToArray())];
        var levels = SimulationModel.Levels.Length;
        _handoffs = new long[levels * levels];
        _reworks = new long[levels * levels];
        _mandated = new long[model.Definition.Shocks.Sum(s => s.Groups.Count)];
    }

    public int Index { get; }

    /// <summary>Schedules the first arrivals, background work and mandated projects; returns the time of the first event.</summary>
    public double Initialize()
    {
        for (var s = 0; s < _sources.Length; s++)
        {
            ScheduleNextArrival(s, 0);
        }

        for (var a = 0; a < _background.Length; a++)
        {
            if (_background[a] is not null)
            {
                ScheduleNextBackground(a, 0);
            }
        }

        for (var m = 0; m < _mandates.Count; m++)
        {
            Schedule(_mandates[m].Time, EventKind.Mandate, m, 0);
        }

        return NextTime;
    }

    private double NextTime => Math.Min(_events.PeekTime, _messages.PeekTime);

    /// <summary>
    /// Takes the window's incoming messages and processes everything strictly before
    /// <paramref name="until"/>, or stops after <paramref name="maxEvents"/> events so that one call stays short.
    /// </summary>
    public AdvanceResult Advance(double until, ReadOnlySpan<Message> inbox, long maxEvents)
    {
        foreach (ref readonly var m in inbox)
        {
            if (m.Delivery < _final)
            {
                // The synchronisation promised that no message could arrive this early.
                throw new InvalidOperationException(
                    $"Causality violation: agent {Index} received a message for {m.Delivery:R} from agent {m.From} after processing everything before {_final:R}.");
            }

            _messages.Push(m);
        }

        long processed = 0;
        var last = _final;
        while (processed < maxEvents)
        {
            var te = _events.PeekTime;
            var tm = _messages.PeekTime;
            if (tm <= te)
            {
                if (!(tm < until))
                {
                    break;
                }

                var m = _messages.Pop();
                last = m.Delivery;
                OnMessage(m);
            }
            else
            {
                if (!(te < until))
                {
                    break;
                }

                var e = _events.Pop();
                last = e.Time;
                OnEvent(e);
            }

            processed++;
        }

        _eventsProcessed += processed;
        _final = NextTime >= until ? Math.Max(_final, until) : Math.Max(_final, last);
        var outbox = _outbox.ToArray();
        _outbox.Clear();
        if (_trace is null)
        {
            return new AdvanceResult(outbox, NextTime, processed);
        }

        var trace = _trace.ToArray();
        _trace.Clear();
        return new AdvanceResult(outbox, NextTime, processed) { Trace = trace };
    }

    /// <summary>Closes the time integrals at the horizon and hands over everything recorded.</summary>
    public AgentResult Close(double horizon)
    {
        var agencies = _self.Agencies.Select(a => _councils[a.Index] is { } c ? c.Close(Index, horizon) : _staffed[a.Index]!.Close(Index, horizon)).ToArray();
        var mandated = new List<MandateTally>();
        var k = 0;
        for (var s = 0; s < _model.Definition.Shocks.Count; s++)
        {
            for (var g = 0; g < _model.Definition.Shocks[s].Groups.Count; g++, k++)
            {
                if (_mandated[k] > 0)
                {
                    mandated.Add(new MandateTally(s, g, _mandated[k]));
                }
            }
        }

        return new AgentResult(
            Index,
            agencies,
            [.. _sources.Select(s => new ArrivalTally(s.Owner, s.Process, s.Observed, s.SumOfArrivalTimes, s.Serial - s.Observed)),
                .. _mandatedArrivals.OrderBy(p => p.Key).Select(p => new ArrivalTally(p.Key.Owner, p.Key.Process, p.Value.Count, p.Value.Sum, p.Value.Before))],
            _finished.ToArray(),
            [.. _steps],
            _eventsProcessed,
            new AgentTallies([.. _handoffs], [.. _reworks], _decisions, _congruent, _consultations, _deemed, [.. mandated]));
    }

    private void OnEvent(in ScheduledEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Arrival:
                OnArrival(e.A, e.Time);
                break;
            case EventKind.ServiceEnd:
                OnServiceEnd(e.A, e.B, e.Time);
                break;
            case EventKind.Session:
                OnSession(e.A, e.Time);
                break;
            case EventKind.IntakeOpens:
                OnIntakeOpens(e.A, e.Time);
                break;
            case EventKind.ConsultDeadline:
                OnConsultDeadline(e.Id, e.Time);
                break;
            case EventKind.GroupMeeting:
                OnGroupMeeting(e.Id, e.Time);
                break;
            case EventKind.Background:
                OnBackground(e.A, e.Time);
                break;
            case EventKind.Mandate:
                OnMandate(e.A, e.Time);
                break;
            default:
                throw new InvalidOperationException($"No handler for an event of kind {e.Kind}.");
        }
    }

    private void Schedule(double time, EventKind kind, int a, int b, long id = 0) =>
        _events.Push(new ScheduledEvent(time, _sequence++, kind, a, b, id));

    private void ScheduleNextArrival(int source, double now)
    {
        ref var s = ref _sources[source].Stream;
        var next = now - Math.Log(s.NextOpenDouble()) / _sources[source].RatePerDay;
        Schedule(next, EventKind.Arrival, source, 0);
    }

    private void ScheduleNextBackground(int agency, double now)
    {
        var b = _background[agency]!;
        var next = now - Math.Log(b.Stream.NextOpenDouble()) / b.RatePerDay;
        Schedule(next, EventKind.Background, agency, 0);
    }

    /// <summary>Whether what happens at <paramref name="t"/> is counted: after the warm-up.</summary>
    private bool Counting(double t) => t >= _warmup;

    private void OnArrival(int source, double t)
    {
        var s = _sources[source];
        var token = new ProjectToken(new ProjectId(s.Owner, s.Process, (int)s.Serial), t) { Territory = s.Owner };
        s.Serial++;
        Trace(TraceKind.Arrive, t, token.Id, -1, -1, -1, peer: s.Owner);
        if (Counting(t))
        {
            s.Observed++;
            s.SumOfArrivalTimes += t;
        }

        StartProject(token, t);
        ScheduleNextArrival(source, t);
    }

    private void OnMandate(int mandate, double t)
    {
        var m = _mandates[mandate];
        _mandated[MandateSlot(m.Shock, m.Group)]++;
        var (count, sum, before) = _mandatedArrivals.GetValueOrDefault((m.Owner, m.Process));
        _mandatedArrivals[(m.Owner, m.Process)] = Counting(t) ? (count + 1, sum + t, before) : (count, sum, before + 1);

        // Negative serials keep shock projects apart from the Poisson arrivals of the same process.
        var token = new ProjectToken(new ProjectId(m.Owner, m.Process, -1 - m.Shock), t) { Territory = m.Owner };
        Trace(TraceKind.Arrive, t, token.Id, -1, -1, -1, peer: m.Owner);
        StartProject(token, t);
    }

    private int MandateSlot(int shock, int group)
    {
        var slot = 0;
        for (var s = 0; s < shock; s++)
        {
            slot += _model.Definition.Shocks[s].Groups.Count;
        }

        return slot + group;
    }

    private void OnBackground(int agency, double t)
    {
        var b = _background[agency]!;
        var item = new WorkItem
        {
            Kind = WorkKind.Background,
            Priority = _self.Agencies[agency].Background!.Priority,
            Ready = t,
            Aux = (int)b.Count++,
        };
        Enqueue(agency, item, t);
        ScheduleNextBackground(agency, t);
    }

    private void Send(MessageKind kind, int to, double t, int step, in ProjectToken token, int aux = 0, long link = 0, double value = 0)
    {
        var delivery = t + _model.HandoffLatency(Index, to);
        var counted = token with { Handoffs = token.Handoffs + 1 };
        if (_trace is not null)
        {
            Trace(TraceKind.Send, t, token.Id, token.Segment, step, -1, peer: to, detail: (byte)kind, value: delivery);
        }

        if (Counting(t))
        {
            _handoffs[(_self.Level * SimulationModel.Levels.Length) + _model.Agents[to].Level]++;
        }

        _outbox.Add(new Message(delivery, Index, _sendSequence++, to, t, kind, step, aux, link, value, counted));
    }

    private void OnMessage(in Message m)
    {
        var token = m.Project.Accrue(PathPart.Handoff, m.Delivery - m.Sent);
        var t = m.Delivery;
        switch (m.Kind)
        {
            case MessageKind.StepReady:
                PredecessorDone(token, m.Step, t);
                break;
            case MessageKind.ConsultRequest:
                EnqueueConsult(token, m.Step, m.Aux, m.From, m.Link, t);
                break;
            case MessageKind.ConsultReply:
                OnConsultReply(token, m.Link, m.Aux, m.From, t);
                break;
            case MessageKind.ReworkRequest:
                EnqueueRework(token, m.Step, m.From, t);
                break;
            case MessageKind.ReworkDone:
                StepReady(token with { InRework = false }, m.Step, t);
                break;
            case MessageKind.SupportRequest:
                EnqueueSupport(token, m.Step, m.From, m.Link, m.Value, t);
                break;
            case MessageKind.SupportReply:
                OnSupportReply(token, m.Link, t);
                break;
            default:
                throw new InvalidOperationException($"No handler for a message of kind {m.Kind}.");
        }
    }

    /// <summary>Records what happened, when the run is traced (docs/trace-format.md).</summary>
    private void Trace(TraceKind kind, double t, ProjectId project, int segment, int step, int agency,
        int peer = -1, byte detail = 0, int queue = -1, int busy = -1, double value = 0) =>
        _trace?.Add(new TraceEvent(t, Index, _traceSequence++, kind, project, segment, step, agency, peer, detail, queue, busy, value));

    private static readonly ProjectId NoProject = new(-1, -1, -1);

    private void TraceWork(TraceKind kind, double t, in WorkItem item, int agency, StaffedAgency a, double value = 0)
    {
        var background = item.Kind == WorkKind.Background;
        Trace(kind, t, background ? NoProject : item.Token.Id, background ? -1 : item.Token.Segment, background ? -1 : item.Step, agency,
            detail: (byte)item.Kind, queue: a.Queue.Count + a.Held.Count, busy: a.Busy, value: value);
    }

    private sealed class ArrivalSource(int owner, int process, double ratePerDay, RandomStream stream)
    {
        public RandomStream Stream = stream;

        public int Owner { get; } = owner;

        public int Process { get; } = process;

        public double RatePerDay { get; } = ratePerDay;

        /// <summary>All arrivals so far: the next project's serial number.</summary>
        public long Serial { get; set; }

        /// <summary>Arrivals at or after the warm-up, and the sum of their times.</summary>
        public long Observed { get; set; }

        public double SumOfArrivalTimes { get; set; }
    }

    private sealed class BackgroundSource(double ratePerDay, RandomStream stream)
    {
        public RandomStream Stream = stream;

        public double RatePerDay { get; } = ratePerDay;

        public long Count { get; set; }
    }
}
