using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// Work at the agent's staffed agencies: c staff serve a FIFO or priority queue, an intake window
/// holds applications until it opens, and each kind of work draws its effort from its own stream.
/// Finished work goes to the mechanism it belongs to. Posts that fall away (<see cref="Absences"/>)
/// are withdrawn and reinstated here: a file in service waits on its post for the holder, and
/// goes to a colleague when the holder leaves.
/// </summary>
internal sealed class StaffedWork
{
    private readonly AgentContext _agent;
    private readonly StaffedAgency?[] _agencies;

    public StaffedWork(AgentContext agent)
    {
        _agent = agent;
        var model = agent.Model;
        _agencies = [.. agent.Agencies.Select(a => a.IsCouncil ? null : new StaffedAgency(a, agent.Calendar, model.YearStarts, model.Start, model.Warmup.Days))];
    }

    /// <summary>
    /// A new item for <paramref name="agency"/>, cleared, to be written field by field where it
    /// will lie (the agency's <see cref="WorkItemPool"/>) and then queued with
    /// <see cref="EnqueueProjectWork(int, int, double)"/>: an item built elsewhere and copied in
    /// was read back right after its fields were written, a stall per project.
    /// </summary>
    public ref WorkItem NewItem(int agency, out int index) => ref _agencies[agency]!.Items.AddCleared(out index);

    /// <summary>Queues work on a project, at the agency's priority for projects or its process's, whichever comes first.</summary>
    public void EnqueueProjectWork(int agency, WorkItem item, double t) => EnqueueProjectWork(agency, _agencies[agency]!.Items.Add(item), t);

    /// <summary>Queues the item at <paramref name="index"/> in the agency's pool (<see cref="NewItem"/>) as work on a project.</summary>
    public void EnqueueProjectWork(int agency, int index, double t)
    {
        var a = _agencies[agency]!;
        ref var item = ref a.Items[index];
        item.Priority = Math.Min(_agent.Agencies[agency].ProjectPriority, _agent.Processes[item.Token.Id.Process].Priority);
        Enqueue(agency, a, index, t);
    }

    public void Enqueue(int agency, WorkItem item, double t)
    {
        var a = _agencies[agency]!;
        Enqueue(agency, a, a.Items.Add(item), t);
    }

    private void Enqueue(int agency, StaffedAgency a, int index, double t)
    {
        ref var item = ref a.Items[index];
        a.Observe(t);
        a.CountArrival(t);

        // The window is for applications: answers, support, rework and background work go on.
        if (item.Kind == WorkKind.Step && !a.Accepts(t))
        {
            a.Held.Enqueue(item);
            if (_agent.Trace is not null)
            {
                TraceWork(TraceKind.Enqueue, t, item, agency, a, value: 1);
            }

            a.Items.Free(index);

            if (!a.OpeningScheduled)
            {
                a.OpeningScheduled = true;
                _agent.Events.Schedule(a.NextOpening(t), new IntakeOpens(agency));
            }

            return;
        }

        item.Admitted = t;
        Admit(agency, a, index, t);
    }

    public void OnIntakeOpens(IntakeOpens e, double t)
    {
        var a = _agencies[e.Agency]!;
        a.Observe(t);
        a.OpeningScheduled = false;

        // One by one, so that what waits is counted right at each admission (held or queued).
        while (a.Held.TryDequeue(out var item))
        {
            item.Admitted = t;
            Admit(e.Agency, a, a.Items.Add(item), t);
        }
    }

    public void OnServiceEnd(ServiceEnd e, double t)
    {
        var a = _agencies[e.Agency]!;
        if (e.Generation != a.Generation(e.Slot))
        {
            // The post fell away during the service: the file waits on it, and its end is scheduled again when the post is back.
            return;
        }

        a.Observe(t);

        // Read where it lies (it stays until freed below): StartNext adds nothing there but a
        // file taken over, which takes another place, and what follows may add but not free it.
        var index = a.Release(e.Slot, t);
        ref var item = ref a.Items[index];
        if (_agent.Trace is not null)
        {
            TraceWork(TraceKind.End, t, item, e.Agency, a);
        }

        // Time a started file waited for an absent holder, or for a colleague after its holder left, is waiting, not service.
        var paused = a.Paused(e.Slot);

        // The token's path is added to where it lies, and before StartNext: a write after it could
        // go to an array the pool has since grown out of (WorkItemPool).
        ProjectToken.AddService(ref item.Token, item.Admitted - item.Ready, item.Start - item.Admitted + paused, t - item.Start - paused);

        // The next file takes the freed staff member before anything this one hands on arrives, so
        // a project cannot overtake others in the same agency's queue.
        StartNext(e.Agency, a, t);

        ref readonly var token = ref item.Token;
        switch (item.Kind)
        {
            case WorkKind.Step when item.Request != 0:
                _agent.SupportShares.OwnPartDone(item.Request, token, t);
                break;
            case WorkKind.Step:
                _agent.Rework.ReviewOrFinish(token, item, e.Agency, t);
                break;
            case WorkKind.Consult:
                _agent.Consultations.Answered(token, item, t);
                break;
            case WorkKind.Rework:
                _agent.Rework.Reworked(token, item, t);
                break;
            case WorkKind.Support:
                _agent.SupportShares.ShareDone(token, item, t);
                break;
            case WorkKind.Background: // done here, and goes nowhere
                break;
            default:
                throw new InvalidOperationException($"No rule for finished work of kind {item.Kind}.");
        }

        a.Items.Free(index);
    }

    public AgencyStatistics Close(int agency, double horizon) => _agencies[agency]!.Close(_agent.Index, horizon);

    /// <summary>
    /// A post falls away (its holder absent, or it fell vacant; <paramref name="cause"/> for the
    /// trace): it takes no work, and a file in service waits on it for the holder.
    /// </summary>
    public void Withdraw(int agency, int post, double t, byte cause)
    {
        var a = _agencies[agency]!;
        a.Observe(t);
        a.Withdraw(post, t);
        TracePost(TraceKind.Away, t, agency, post, cause, a);
    }

    /// <summary>The holder of a post that is away has left: a file paused on it goes to the next colleague free, ahead of the queue.</summary>
    public void HandOver(int agency, int post, double t)
    {
        var a = _agencies[agency]!;
        a.Observe(t);
        if (a.TryHandOver(post) && a.HasFreeStaff)
        {
            StartNext(agency, a, t);
        }
    }

    /// <summary>A post is back (<paramref name="cause"/> ended): it carries on with its paused file, or takes the next one waiting.</summary>
    public void Reinstate(int agency, int post, double t, byte cause)
    {
        var a = _agencies[agency]!;
        a.Observe(t);
        if (a.Reinstate(post, t, out var remaining))
        {
            _agent.Events.Schedule(_agent.Calendar.AddWork(t, remaining / a.Productivity), new ServiceEnd(agency, post, a.Generation(post)));
        }
        else
        {
            StartNext(agency, a, t);
        }

        TracePost(TraceKind.Back, t, agency, post, cause, a);
    }

    // Work items stay where they lie (the agency's pool) on the way to service: at some 200 bytes, each copy showed per event.
    private void Admit(int agency, StaffedAgency a, int index, double t)
    {
        ref readonly var item = ref a.Items[index];
        if (Dropped(agency, item, t))
        {
            a.Items.Free(index);
            return; // held for a window until the law decided its step
        }

        if (_agent.Trace is not null)
        {
            // Waiting counts the item itself unless staff take it at once (the start follows).
            TraceWork(TraceKind.Enqueue, t, item, agency, a, waiting: a.HasFreeStaff ? 0 : 1);
        }

        if (a.HasFreeStaff)
        {
            StartService(agency, a, index, t);
        }
        else
        {
            a.Queue.Enqueue(index, a.Level(item));
        }
    }

    // The item is set up where it lies (Items, at index): nothing is added there before the end.
    private void StartService(int agency, StaffedAgency a, int index, double t)
    {
        ref var item = ref a.Occupy(index, out var slot);
        ref readonly var token = ref item.Token; // read in place: the token is 128 bytes
        var helper = -1;
        SupportRequest share = default;
        switch (item.Kind)
        {
            case WorkKind.Step:
            {
                var step = _agent.StepsOf(token)[item.Step];
                var stream = _agent.WorkStream(token, item.Step, token.Round, StreamKeys.StepEffort);
                var effort = step.Effort.Sample(ref stream);
                item.Decision = stream.NextDouble();
                var factor = Specialisation.EffortFactor(step, a.Model);
                item.Effort = step.SupportRole >= 0 ? _agent.SupportShares.TrySplit(ref item, step, agency, effort, factor, t, out helper, out share) : effort * factor;
                break;
            }

            case WorkKind.Consult:
            {
                var stream = _agent.WorkStream(token, item.Step, 0, StreamKeys.ConsultAnswer + item.Consultee);
                item.Effort = _agent.StepsOf(token)[item.Step].Effort.Sample(ref stream);
                break;
            }

            case WorkKind.Rework:
            {
                var stream = _agent.WorkStream(token, item.Step, token.Round, StreamKeys.Rework);
                item.Effort = _agent.StepsOf(token)[item.Step].Rework!.Effort.Sample(ref stream);
                break;
            }

            case WorkKind.Background:
            {
                var stream = RandomStream.FromKey(StreamKeys.BackgroundEffort(_agent.Root, _agent.Self.IdHash, a.Model.IdHash, item.Serial));
                item.Effort = a.Model.Background!.Effort.Sample(ref stream);
                break;
            }

            case WorkKind.Support: // the effort came with the request
                break;
            default:
                throw new InvalidOperationException($"No effort rule for work of kind {item.Kind}.");
        }

        item.Start = t;
        a.Started(slot, t);
        var end = _agent.Calendar.AddWork(t, item.Effort / a.Productivity);
        _agent.Events.Schedule(end, new ServiceEnd(agency, slot, a.Generation(slot)));
        if (_agent.Trace is not null)
        {
            TraceWork(TraceKind.Start, t, item, agency, a, value: item.Effort);
        }

        if (helper >= 0)
        {
            _agent.HandOffs.Send(helper, t, token.Accrue(PathPart.Window, item.Admitted - item.Ready).Accrue(PathPart.Wait, t - item.Admitted), share);
        }
    }

    /// <summary>
    /// A post just freed takes the next file: one whose holder left first (the oldest), then the
    /// queue's. A file whose step the law decided meanwhile (a legal fiction) leaves without work.
    /// </summary>
    private void StartNext(int agency, StaffedAgency a, double t)
    {
        while (a.HasHandedOver)
        {
            if (!Dropped(agency, a.NextHandedOver, t))
            {
                TakeOver(agency, a, t);
                return;
            }

            a.DiscardHandedOver();
        }

        while (a.Queue.Count > 0)
        {
            var next = a.Queue.Take();
            if (!Dropped(agency, a.Items[next], t))
            {
                StartService(agency, a, next, t);
                return;
            }

            a.Items.Free(next);
        }
    }

    /// <summary>Staff reach a file whose step the law decided already (a legal fiction): it leaves without work.</summary>
    private bool Dropped(int agency, in WorkItem item, double t)
    {
        if (!Fictions.Decided(_agent, item))
        {
            return false;
        }

        var a = _agencies[agency]!;
        a.Drop(t);
        if (_agent.Trace is not null)
        {
            TraceWork(TraceKind.Drop, t, item, agency, a);
        }

        return true;
    }

    /// <summary>A colleague free carries on with the oldest file whose holder left: the effort left, no new draw, counted as started once.</summary>
    private void TakeOver(int agency, StaffedAgency a, double t)
    {
        var slot = a.TakeOver(t, out var item, out var remaining);
        _agent.Events.Schedule(_agent.Calendar.AddWork(t, remaining / a.Productivity), new ServiceEnd(agency, slot, a.Generation(slot)));
        if (_agent.Trace is not null)
        {
            TraceWork(TraceKind.Start, t, item, agency, a, value: remaining);
        }
    }

    private void TracePost(TraceKind kind, double t, int agency, int post, byte cause, StaffedAgency a) =>
        _agent.Trace?.Add(kind, t, TraceRecorder.NoProject, -1, -1, agency, peer: post, detail: cause, queue: a.Waiting, busy: a.Busy, value: a.Present);

    /// <summary>A trace event of an agency's work; <paramref name="waiting"/> counts an item about to join the queue.</summary>
    private void TraceWork(TraceKind kind, double t, in WorkItem item, int agency, StaffedAgency a, double value = 0, int waiting = 0)
    {
        var background = item.Kind == WorkKind.Background;
        _agent.Trace!.Add(kind, t, background ? TraceRecorder.NoProject : item.Token.Id, background ? -1 : item.Token.Segment, background ? -1 : item.Step, agency,
            detail: (byte)item.Kind, queue: a.Waiting + waiting, busy: a.Busy, value: value);
    }
}
