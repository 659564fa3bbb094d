using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Agents.Mechanisms;
using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents.Runtime;

/// <summary>
/// One agent (a municipality, district, operator, ...) during one replication. It owns its
/// event list and its mechanisms (<see cref="Mechanisms"/>), and talks to other agents only
/// through messages; this class only dispatches each event and message to the mechanism it
/// belongs to. Both engines drive it the same way: <see cref="Initialize"/>, then
/// <see cref="Advance"/> once per window it has something due in, then <see cref="Close"/>. Its
/// behaviour does not depend on how time is cut into windows: local events are ordered by (time,
/// creation sequence), messages by (delivery, sender, sender sequence), and at equal times
/// messages come first.
/// </summary>
public sealed class AgentRuntime
{
    private readonly AgentContext _agent;

    // The context's event list and hand-offs, read on every call: one reference fewer to follow
    // each (a large region's agents are not in cache when called).
    private readonly EventList _events;
    private readonly HandOffs _handOffs;
    // A struct, in place (see MinHeap): not readonly, so that calls change this field and not a copy.
    private MinHeap<Message, MessageOrder> _messages;
    private long _eventsProcessed;
    private double _final; // everything before this time has been processed and can no longer change

    // The largest inbox a call takes in order straight from the inbox (AgentOptions.InboxInOrder).
    private readonly int _inboxInOrder;

    /// <param name="outbox">
    /// Shared by agents that are called one after another on one thread, where the engine takes each
    /// agent's messages before it calls the next; a new one of its own when null.
    /// </param>
    public AgentRuntime(SimulationModel model, int index, int replication, AgentOptions? options = null, Outbox? outbox = null)
    {
        Index = index;
        options ??= AgentOptions.Default;
        _agent = new AgentContext(model, index, replication, options, outbox);
        _inboxInOrder = Math.Clamp(options.InboxInOrder, 0, AgentOptions.MostInboxInOrder);
        _events = _agent.Events;
        _handOffs = _agent.HandOffs;
    }

    public int Index { get; }

    /// <summary>The agent's mechanisms (for tests).</summary>
    internal AgentContext Context => _agent;

    /// <summary>Schedules the first arrivals, background work and mandated projects, and the posts' first absences; returns the time of the first event.</summary>
    public double Initialize()
    {
        _agent.Demand.Start();
        _agent.Absences.Start();

        // A shared outbox holds only the messages of the agent called last: starting must send nothing.
        if (!_handOffs.Outbox.IsEmpty)
        {
            throw new InvalidOperationException($"Agent {Index} sent a message before its first call.");
        }

        // Posts that start away are traced at time 0: such an agent takes part in the first window,
        // which hands its trace over before anything later is written.
        return _agent.Trace is { HasEvents: true } ? Math.Min(NextTime, 0) : NextTime;
    }

    private double NextTime => Math.Min(_events.PeekTime, _messages.PeekTime);

    /// <summary>
    /// Takes the window's incoming messages and processes everything strictly before
    /// <paramref name="until"/>, or stops after <paramref name="maxEvents"/> events so that one call
    /// stays short. Returns the events processed; the messages sent are lent in
    /// <paramref name="outbox"/> (valid until the next call of this agent or of another that shares
    /// its outbox, so they are routed or copied before it) and the trace is left for <see cref="DrainTrace"/>.
    /// </summary>
    public long Advance(double until, ReadOnlySpan<Message> inbox, long maxEvents, out double next, out ReadOnlySpan<Message> outbox)
    {
        var processed = Process(until, inbox, maxEvents, out next);
        outbox = _handOffs.LendOutbox();
        return processed;
    }

    /// <summary>
    /// Sends this agent's messages into <paramref name="outbox"/> from its next call on (a thread
    /// that calls it in a spread window writes into its own). Only between calls, after the messages
    /// of its last call have been routed; no result depends on which outbox carries them.
    /// </summary>
    internal void UseOutbox(Outbox outbox)
    {
        if (!ReferenceEquals(_handOffs.Outbox, outbox))
        {
            _handOffs.Outbox = outbox;
        }
    }

    /// <summary>
    /// Hints the processor to load the objects a call reads first: the context, the event list,
    /// the hand-offs and the earliest pending message. Asked two calls ahead (<see cref="WindowCalls"/>),
    /// after this object itself was asked for a call earlier; reads and changes nothing.
    /// </summary>
    internal void PrefetchState()
    {
        CacheHints.Prefetch(_agent);
        CacheHints.Prefetch(_events);
        CacheHints.Prefetch(_handOffs);
        _messages.PrefetchTop();
    }

    /// <summary>
    /// Hints the processor to load what a call reads next, through the objects <see cref="PrefetchState"/>
    /// asked for a call earlier: the earliest event and the staffed work and process flow, which most events reach.
    /// </summary>
    internal void PrefetchWork()
    {
        _events.PrefetchTop();
        CacheHints.Prefetch(_agent.Work);
        CacheHints.Prefetch(_agent.Flow);
    }

    /// <summary>
    /// Cache lines that <see cref="PrefetchMade"/> hints after this object. The objects the agent
    /// makes when it is made (its context, event list, mechanisms and their agencies) are allocated
    /// right after it and usually stay in that order when the collector moves them: at Germany scale they end
    /// some 3,600 bytes after it (BENCHMARKS.md, sixteenth round), 56 lines.
    /// </summary>
    internal const int MadeLines = 56;

    /// <summary>
    /// Hints the processor to load the objects this agent made when it was made (<see cref="MadeLines"/>):
    /// for a thread with nothing else to do; for the calling thread only a line at a time is cheap.
    /// </summary>
    internal void PrefetchMade() => CacheHints.PrefetchFollowing(this, MadeLines);

    /// <summary>What the agent traced since the last call (nothing when the run is not traced).</summary>
    public Tracing.TraceEvent[] DrainTrace() => _agent.Trace is { } trace ? trace.Drain() : [];

    private long Process(double until, ReadOnlySpan<Message> inbox, long maxEvents, out double next)
    {
        _handOffs.ClearLent();
        foreach (ref readonly var m in inbox)
        {
            if (m.Delivery < _final)
            {
                // The synchronisation promised that no message could arrive this early.
                throw new InvalidOperationException(
                    $"Causality violation: agent {Index} received a message for {m.Delivery:R} from agent {m.From} after processing everything before {_final:R}.");
            }
        }

        // The window's messages are taken in their order (MessageOrder) straight from the inbox,
        // merged with those kept from earlier calls; only what this call leaves goes into the
        // heap. The order is total (a sender numbers its messages), so what is taken when is the
        // same as if every message went through the heap; but the heap's array, seldom in cache
        // at Germany scale, is not read for the many calls whose messages are all due now
        // (BENCHMARKS.md, twentieth round). A large inbox (a hub's) goes through the heap.
        var inOrder = inbox.Length <= _inboxInOrder;
        Span<int> order = inOrder ? stackalloc int[inbox.Length] : default;
        var taken = 0;
        if (inOrder)
        {
            SortInbox(inbox, order);
        }
        else
        {
            foreach (ref readonly var m in inbox)
            {
                _messages.Push(m);
            }

            taken = inbox.Length;
        }

        var events = _events;
        long processed = 0;
        var last = _final;
        while (processed < maxEvents)
        {
            var te = events.PeekTime;

            // The earliest message: the inbox's next or the heap's top, whichever comes first.
            var fromInbox = taken < inbox.Length && (_messages.Count == 0 || MessageOrder.Less(inbox[order[taken]], _messages.Peek()));
            var tm = fromInbox ? inbox[order[taken]].Delivery : _messages.PeekTime;
            if (tm <= te)
            {
                if (!(tm < until))
                {
                    break;
                }

                var m = fromInbox ? inbox[order[taken++]] : _messages.Pop();
                last = m.Delivery;
                OnMessage(m);
            }
            else
            {
                if (!(te < until))
                {
                    break;
                }

                var e = events.Pop();
                last = e.Time;
                OnEvent(e);
            }

            processed++;
        }

        for (; taken < inbox.Length; taken++)
        {
            _messages.Push(inbox[order[taken]]);
        }

        _eventsProcessed += processed;
        next = NextTime;
        _final = next >= until ? Math.Max(_final, until) : Math.Max(_final, last);
        return processed;
    }

    /// <summary>Fills <paramref name="order"/> with the inbox's positions in <see cref="MessageOrder"/> (insertion sort: an inbox holds a few).</summary>
    internal static void SortInbox(ReadOnlySpan<Message> inbox, Span<int> order)
    {
        for (var i = 0; i < inbox.Length; i++)
        {
            var j = i;
            while (j > 0 && MessageOrder.Less(inbox[i], inbox[order[j - 1]]))
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }
    }

    /// <summary>Closes the time integrals at the horizon and hands over everything recorded.</summary>
    public AgentResult Close(double horizon)
    {
        var a = _agent;
        return new AgentResult(
            Index,
            [.. a.Agencies.Select(agency => agency.IsCouncil
                ? a.Councils.Close(agency.Index, horizon)
                : a.Work.Close(agency.Index, horizon) with { Fictions = a.FictionsIfMade?.DeemedAt(agency.Index) ?? 0 })],
            a.Demand.Arrivals(),
            a.Flow.Finished,
            a.Flow.Steps,
            _eventsProcessed,
            new AgentTallies(
                a.HandOffs.Sent,
                a.Rework.Returns,
                a.Flow.Decisions.Tally(),
                a.ConsultationsDecided,
                a.ConsultationsLapsed,
                a.Demand.Mandated())
            {
                FictionPeriods = a.FictionsIfMade?.Ended ?? 0,
                Fictions = a.FictionsIfMade?.Deemed ?? 0,
            });
    }

    private void OnEvent(in ScheduledEvent e)
    {
        var a = _agent;
        var t = e.Time;
        switch (e.Body.Kind)
        {
            case EventKind.Arrival:
                a.Demand.OnArrival(e.Body.AsArrival(), t);
                break;
            case EventKind.ServiceEnd:
                a.Work.OnServiceEnd(e.Body.AsServiceEnd(), t);
                break;
            case EventKind.CouncilSession:
                a.Councils.OnSession(e.Body.AsCouncilSession(), t);
                break;
            case EventKind.IntakeOpens:
                a.Work.OnIntakeOpens(e.Body.AsIntakeOpens(), t);
                break;
            case EventKind.ConsultationDeadline:
                a.Consultations.OnDeadline(e.Body.AsConsultationDeadline(), t);
                break;
            case EventKind.GroupMeeting:
                a.WorkingGroups.OnMeeting(e.Body.AsGroupMeeting(), t);
                break;
            case EventKind.BackgroundArrival:
                a.Demand.OnBackground(e.Body.AsBackgroundArrival(), t);
                break;
            case EventKind.MandateDue:
                a.Demand.OnMandate(e.Body.AsMandateDue(), t);
                break;
            case EventKind.OfficeDelivery:
                a.OfficeHandOffs.OnDelivery(e.Body.AsOfficeDelivery(), t);
                break;
            case EventKind.PeriodEnds:
                a.Periods.OnEnd(e.Body.AsPeriodEnds(), t);
                break;
            case EventKind.FictionDue:
                a.Fictions.OnDue(e.Body.AsFictionDue(), t);
                break;
            case EventKind.AbsenceChange:
                a.Absences.OnAbsenceChange(e.Body.AsAbsenceChange(), t);
                break;
            case EventKind.VacancyChange:
                a.Absences.OnVacancyChange(e.Body.AsVacancyChange(), t);
                break;
            default:
                throw new InvalidOperationException($"No handler for an event of kind {e.Body.Kind}.");
        }
    }

    private void OnMessage(in Message m)
    {
        var a = _agent;
        var token = HandOffs.Received(m);
        var t = m.Delivery;
        switch (m.Body.Kind)
        {
            case MessageKind.StepReady:
                a.Flow.OnStepReady(token, m.Body.AsStepReady(), t);
                break;
            case MessageKind.ConsultRequest:
                a.Consultations.OnRequest(token, m.Body.AsConsultRequest(), m.From, t);
                break;
            case MessageKind.ConsultReply:
                a.Consultations.OnReply(token, m.Body.AsConsultReply(), m.From, t);
                break;
            case MessageKind.ReworkRequest:
                a.Rework.OnRequest(token, m.Body.AsReworkRequest(), m.From, t);
                break;
            case MessageKind.ReworkDone:
                a.Rework.OnDone(token, m.Body.AsReworkDone(), t);
                break;
            case MessageKind.SupportRequest:
                a.SupportShares.OnRequest(token, m.Body.AsSupportRequest(), m.From, t);
                break;
            case MessageKind.SupportReply:
                a.SupportShares.OnReply(token, m.Body.AsSupportReply(), t);
                break;
            default:
                throw new InvalidOperationException($"No handler for a message of kind {m.Body.Kind}.");
        }
    }
}
