using IsdnSim.Core.Model;
using IsdnSim.Core.Random;
using IsdnSim.Core.Time;

namespace IsdnSim.Core.Kernel;

/// <summary>
/// One agent (a municipality, district, operator, ...) during one replication. It owns its
/// event list and agencies, and talks to other agents only through messages. Both engines
/// drive it the same way: <see cref="Initialize"/>, then <see cref="Advance"/> once per window
/// it has something due in, then <see cref="Close"/>. Its behaviour does not depend on how
/// time is cut into windows: local events are ordered by (time, creation sequence), messages
/// by (delivery, sender, sender sequence), and at equal times messages come first.
/// </summary>
public sealed class AgentRuntime
{
    private readonly SimulationModel _model;
    private readonly WorkCalendar _calendar;
    private readonly ulong _root;
    private readonly AgentOptions _options;
    private readonly AgencyRuntime[] _agencies;
    private readonly ArrivalSource[] _sources;
    private readonly MinHeap<ScheduledEvent, EventOrder> _events = new();
    private readonly MinHeap<Message, MessageOrder> _messages = new();
    private readonly Dictionary<(ProjectId, int), JoinState> _joins = [];
    private readonly List<Message> _outbox = [];
    private readonly List<ProjectRecord> _finished = [];
    private readonly List<StepRecord> _steps = [];
    private long _sequence;
    private long _sendSequence;
    private long _eventsProcessed;
    private double _final; // everything before this time has been processed and can no longer change

    public AgentRuntime(SimulationModel model, int index, int replication, AgentOptions? options = null)
    {
        _model = model;
        Index = index;
        _calendar = model.Calendar;
        _options = options ?? AgentOptions.Default;
        _root = StreamKeys.Replication(model.Seed, replication);
        var agent = model.Agents[index];
        _agencies = [.. agent.Agencies.Select(a => new AgencyRuntime(a, _calendar))];
        _sources = [.. model.Sources[index].Select(s => new ArrivalSource(
            s.Process,
            s.Rate.PerDay,
            RandomStream.FromKey(StreamKeys.Arrivals(_root, agent.IdHash, model.Processes[s.Process].IdHash))))];
    }

    public int Index { get; }

    /// <summary>Schedules the first arrivals; returns the time of the agent's first event.</summary>
    public double Initialize()
    {
        for (var s = 0; s < _sources.Length; s++)
        {
            ScheduleNextArrival(s, 0);
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
                if (e.Kind == EventKind.Arrival)
                {
                    OnArrival(e.A, e.Time);
                }
                else
                {
                    OnServiceEnd(e.A, e.B, e.Time);
                }
            }

            processed++;
        }

        _eventsProcessed += processed;
        _final = NextTime >= until ? Math.Max(_final, until) : Math.Max(_final, last);
        var outbox = _outbox.ToArray();
        _outbox.Clear();
        return new AdvanceResult(outbox, NextTime, processed);
    }

    /// <summary>Closes the time integrals at the horizon and hands over everything recorded.</summary>
    public AgentResult Close(double horizon) => new(
        Index,
        [.. _agencies.Select(a => a.Close(Index, horizon))],
        [.. _sources.Select(s => new ArrivalTally(Index, s.Process, s.Count, s.SumOfArrivalTimes))],
        [.. _finished],
        [.. _steps],
        _eventsProcessed);

    private void ScheduleNextArrival(int source, double now)
    {
        ref var s = ref _sources[source].Stream;
        var next = now - Math.Log(s.NextOpenDouble()) / _sources[source].RatePerDay;
        _events.Push(new ScheduledEvent(next, _sequence++, EventKind.Arrival, source, 0));
    }

    private void OnArrival(int source, double t)
    {
        var s = _sources[source];
        var token = new ProjectToken(new ProjectId(Index, s.Process, (int)s.Count), t, default);
        s.Count++;
        s.SumOfArrivalTimes += t;
        foreach (var step in _model.Processes[s.Process].StartSteps)
        {
            HandOver(token, step, t);
        }

        ScheduleNextArrival(source, t);
    }

    private void OnServiceEnd(int agency, int slot, double t)
    {
        var a = _agencies[agency];
        a.Observe(t);
        var item = a.Release(slot);
        var token = item.Token with { Path = item.Token.Path.AddWait(item.Start - item.Ready).AddService(t - item.Start) };
        if (_options.RecordSteps)
        {
            _steps.Add(new StepRecord(token.Id, token.Arrival, item.Step, Index, agency, item.Ready, item.Start, t, item.Effort));
        }

        // The next queued item takes the freed staff member before any successor step is
        // handed in, so a project cannot overtake others in the same agency's queue.
        if (a.Queue.Count > 0)
        {
            StartService(agency, a.Queue.Dequeue(), t);
        }

        var step = _model.Processes[token.Id.Process].Steps[item.Step];
        if (step.IsFinal)
        {
            _finished.Add(new ProjectRecord(token.Id, token.Arrival, t, token.Path));
            return;
        }

        foreach (var successor in step.Successors)
        {
            HandOver(token, successor, t);
        }
    }

    private void OnMessage(in Message m)
    {
        var token = m.Project with { Path = m.Project.Path.AddHandoff(m.Delivery - m.Sent) };
        var holder = _model.HolderOf(token.Id.Owner, token.Id.Process, m.Step);
        PredecessorDone(token, m.Step, m.Delivery, holder.Agency);
    }

    /// <summary>A step may start as far as one predecessor is concerned: locally at once, elsewhere by message.</summary>
    private void HandOver(in ProjectToken token, int step, double t)
    {
        var holder = _model.HolderOf(token.Id.Owner, token.Id.Process, step);
        if (holder.Agent == Index)
        {
            PredecessorDone(token, step, t, holder.Agency);
            return;
        }

        var delivery = t + _model.HandoffLatency(Index, holder.Agent);
        _outbox.Add(new Message(delivery, Index, _sendSequence++, holder.Agent, t, step, token));
    }

    private void PredecessorDone(in ProjectToken token, int step, double t, int agency)
    {
        var predecessors = _model.Processes[token.Id.Process].Steps[step].Predecessors.Length;
        if (predecessors <= 1)
        {
            Enqueue(token, step, t, agency);
            return;
        }

        // A join: the step waits for all predecessors; the one that arrives last is on the
        // critical chain, so its path summary is the one carried on.
        var key = (token.Id, step);
        if (!_joins.TryGetValue(key, out var join))
        {
            _joins[key] = new JoinState(predecessors - 1, token);
            return;
        }

        if (join.Remaining > 1)
        {
            _joins[key] = new JoinState(join.Remaining - 1, token);
            return;
        }

        _joins.Remove(key);
        Enqueue(token, step, t, agency);
    }

    private void Enqueue(in ProjectToken token, int step, double t, int agency)
    {
        var a = _agencies[agency];
        a.Observe(t);
        a.CountArrival();
        var item = new WorkItem { Token = token, Step = step, Ready = t };
        if (a.HasFreeStaff)
        {
            StartService(agency, item, t);
        }
        else
        {
            a.Queue.Enqueue(item);
        }
    }

    private void StartService(int agency, WorkItem item, double t)
    {
        var a = _agencies[agency];
        var id = item.Token.Id;
        var process = _model.Processes[id.Process];
        var step = process.Steps[item.Step];
        var stream = RandomStream.FromKey(StreamKeys.Effort(_root, _model.Agents[id.Owner].IdHash, process.IdHash, id.Serial, step.IdHash));
        item.Effort = step.Effort.Sample(ref stream);
        item.Start = t;
        var slot = a.Occupy(item);
        var end = _calendar.AddWork(t, item.Effort / a.Model.Productivity);
        _events.Push(new ScheduledEvent(end, _sequence++, EventKind.ServiceEnd, agency, slot));
    }

    private readonly record struct JoinState(int Remaining, ProjectToken Critical);

    private sealed class ArrivalSource(int process, double ratePerDay, RandomStream stream)
    {
        public RandomStream Stream = stream;

        public int Process { get; } = process;

        public double RatePerDay { get; } = ratePerDay;

        public long Count { get; set; }

        public double SumOfArrivalTimes { get; set; }
    }
}
