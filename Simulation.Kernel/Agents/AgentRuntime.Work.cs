using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents;

/// <summary>Work at the agent's staffed agencies: queueing, intake windows, service, approvals that return files, support by another agency.</summary>
public sealed partial class AgentRuntime
{
    private readonly Dictionary<long, SupportState> _supports = [];
    private long _nextId = 1;

    private long NextId() => _nextId++;

    private void Enqueue(int agency, WorkItem item, double t)
    {
        var a = _staffed[agency]!;
        a.Observe(t);
        a.CountArrival(t);

        // The window is for applications: answers, support, rework and background work go on.
        if (item.Kind == WorkKind.Step && !a.Accepts(t))
        {
            a.Held.Enqueue(item);
            if (_trace is not null)
            {
                TraceWork(TraceKind.Enqueue, t, item, agency, a, value: 1);
            }

            if (!a.OpeningScheduled)
            {
                a.OpeningScheduled = true;
                Schedule(a.NextOpening(t), EventKind.IntakeOpens, agency, 0);
            }

            return;
        }

        item.Admitted = t;
        Admit(agency, item, t);
    }

    private void Admit(int agency, in WorkItem item, double t)
    {
        var a = _staffed[agency]!;
        if (_trace is not null)
        {
            // Waiting counts the item itself unless staff take it at once (the start follows).
            TraceWork(TraceKind.Enqueue, t, item, agency, a);
            if (!a.HasFreeStaff)
            {
                _trace[^1] = _trace[^1] with { Queue = _trace[^1].Queue + 1 };
            }
        }

        if (a.HasFreeStaff)
        {
            StartService(agency, item, t);
        }
        else
        {
            a.Queue.Enqueue(item, a.Level(item));
        }
    }

    private void OnIntakeOpens(int agency, double t)
    {
        var a = _staffed[agency]!;
        a.Observe(t);
        a.OpeningScheduled = false;

        // One by one, so that what waits is counted right at each admission (held or queued).
        while (a.Held.TryDequeue(out var item))
        {
            item.Admitted = t;
            Admit(agency, item, t);
        }
    }

    private void StartService(int agency, WorkItem item, double t)
    {
        var a = _staffed[agency]!;
        var token = item.Token;
        (int Agent, long Id, double Effort)? support = null;
        switch (item.Kind)
        {
            case WorkKind.Step:
            {
                var step = StepsOf(token)[item.Step];
                var stream = WorkStream(token, item.Step, token.Round, StreamKeys.StepEffort);
                var effort = step.Effort.Sample(ref stream);
                item.Decision = stream.NextDouble();
                if (step.SupportRole >= 0 && _model.HolderOf(token.Territory, step.SupportRole) is var helper && helper.Agent != Index)
                {
                    // The former holder does its share at the same time, as a service (asked once this share has started, below).
                    var id = NextId();
                    item.Link = id;
                    item.Start = t;
                    item.Effort = effort * (1 - step.SupportShare);
                    _supports[id] = new SupportState(item, agency);
                    support = (helper.Agent, id, effort * step.SupportShare);
                    effort *= 1 - step.SupportShare;
                }

                item.Effort = effort;
                break;
            }

            case WorkKind.Consult:
            {
                var stream = WorkStream(token, item.Step, 0, StreamKeys.ConsultAnswer + item.Aux);
                item.Effort = StepsOf(token)[item.Step].Effort.Sample(ref stream);
                break;
            }

            case WorkKind.Rework:
            {
                var stream = WorkStream(token, item.Step, token.Round, StreamKeys.Rework);
                item.Effort = StepsOf(token)[item.Step].Rework!.Effort.Sample(ref stream);
                break;
            }

            case WorkKind.Background:
            {
                var stream = RandomStream.FromKey(StreamKeys.BackgroundEffort(_root, _self.IdHash, a.Model.IdHash, item.Aux));
                item.Effort = a.Model.Background!.Effort.Sample(ref stream);
                break;
            }

            case WorkKind.Support: // the effort came with the request
                break;
            default:
                throw new InvalidOperationException($"No effort rule for work of kind {item.Kind}.");
        }

        item.Start = t;
        var slot = a.Occupy(item);
        var end = _calendar.AddWork(t, item.Effort / a.Model.Productivity);
        Schedule(end, EventKind.ServiceEnd, agency, slot);
        if (_trace is not null)
        {
            TraceWork(TraceKind.Start, t, item, agency, a, value: item.Effort);
        }

        if (support is { } s)
        {
            Send(MessageKind.SupportRequest, s.Agent, t, item.Step, token.Accrue(PathPart.Window, item.Admitted - item.Ready).Accrue(PathPart.Wait, t - item.Admitted),
                link: s.Id, value: s.Effort);
        }
    }

    private RandomStream WorkStream(in ProjectToken token, int step, int round, int purpose)
    {
        var id = token.Id;
        var process = _model.Processes[id.Process];
        return RandomStream.FromKey(StreamKeys.Work(_root, _model.Agents[id.Owner].IdHash, process.IdHash, id.Serial, process.Steps[step].IdHash,
            token.Segment, round, purpose));
    }

    private void OnServiceEnd(int agency, int slot, double t)
    {
        var a = _staffed[agency]!;
        a.Observe(t);
        var item = a.Release(slot, t);
        if (_trace is not null)
        {
            TraceWork(TraceKind.End, t, item, agency, a);
        }

        // The next queued item takes the freed staff member before anything this one hands on
        // arrives, so a project cannot overtake others in the same agency's queue.
        if (a.Queue.Count > 0)
        {
            StartService(agency, a.Queue.Dequeue(), t);
        }

        var token = item.Token.AfterService(item.Admitted - item.Ready, item.Start - item.Admitted, t - item.Start);
        switch (item.Kind)
        {
            case WorkKind.Step when item.Link != 0:
                var support = _supports[item.Link];
                support.Own = (token, t);
                CompleteSupported(item.Link, support);
                break;
            case WorkKind.Step:
                FinishWorkStep(token, item, agency, t);
                break;
            case WorkKind.Consult when item.Peer == Index:
                OnConsultReply(token, item.Link, item.Aux, Index, t);
                break;
            case WorkKind.Consult:
                Send(MessageKind.ConsultReply, item.Peer, t, item.Step, token, aux: item.Aux, link: item.Link);
                break;
            case WorkKind.Rework:
                // Still in rework until the file is back at the approver: the trip back counts as rework too.
                var back = token with { Round = token.Round + 1 };
                if (item.Peer == Index)
                {
                    StepReady(back with { InRework = false }, item.Step, t);
                }
                else
                {
                    Send(MessageKind.ReworkDone, item.Peer, t, item.Step, back);
                }

                break;
            case WorkKind.Support:
                Send(MessageKind.SupportReply, item.Peer, t, item.Step, token, link: item.Link);
                break;
            case WorkKind.Background: // done here, and goes nowhere
                break;
            default:
                throw new InvalidOperationException($"No rule for finished work of kind {item.Kind}.");
        }
    }

    /// <summary>A work or approval step's own work is done; an approval may return the file for rework.</summary>
    private void FinishWorkStep(in ProjectToken token, in WorkItem item, int agency, double t)
    {
        var step = StepsOf(token)[item.Step];
        if (step.Kind == StepKind.Approval && step.Rework is { } rework && token.Round < rework.MaxRounds)
        {
            var probability = KnowsThePlace(token.Territory) ? rework.LocalProbability : rework.Probability;
            if (item.Decision < probability)
            {
                var reworker = _model.HolderOf(token.Territory, StepsOf(token)[rework.ReturnsTo].Role);
                if (Counting(t))
                {
                    _reworks[(_self.Level * Model.SimulationModel.Levels.Length) + _model.Agents[reworker.Agent].Level]++;
                }

                var returned = token with { InRework = true, Reworks = token.Reworks + 1 };
                Trace(TraceKind.Return, t, token.Id, token.Segment, item.Step, agency, peer: reworker.Agent);
                if (reworker.Agent == Index)
                {
                    EnqueueRework(returned, item.Step, Index, t);
                }
                else
                {
                    Send(MessageKind.ReworkRequest, reworker.Agent, t, item.Step, returned);
                }

                return;
            }
        }

        StepDone(token, item.Step, Index, agency, item.Ready, t, item.Start, item.Effort);
    }

    private void EnqueueRework(in ProjectToken token, int approvalStep, int approver, double t)
    {
        var returnsTo = StepsOf(token)[StepsOf(token)[approvalStep].Rework!.ReturnsTo];
        var agency = _model.HolderOf(token.Territory, returnsTo.Role).Agency;
        Enqueue(agency, new WorkItem
        {
            Token = token,
            Kind = WorkKind.Rework,
            Step = approvalStep,
            Priority = _self.Agencies[agency].ProjectPriority,
            Ready = t,
            Peer = approver,
        }, t);
    }

    private void EnqueueSupport(in ProjectToken token, int step, int requester, long link, double effort, double t)
    {
        var agency = _model.HolderOf(token.Territory, StepsOf(token)[step].SupportRole).Agency;
        Enqueue(agency, new WorkItem
        {
            Token = token,
            Kind = WorkKind.Support,
            Step = step,
            Priority = _self.Agencies[agency].ProjectPriority,
            Ready = t,
            Effort = effort,
            Peer = requester,
            Link = link,
        }, t);
    }

    private void OnSupportReply(in ProjectToken token, long link, double t)
    {
        var support = _supports[link];
        support.Help = (token, t);
        CompleteSupported(link, support);
    }

    /// <summary>Both the holder's own part and the supporter's are done: the later one is on the critical chain.</summary>
    private void CompleteSupported(long link, SupportState support)
    {
        if (support.Own is not { } own || support.Help is not { } help)
        {
            return;
        }

        _supports.Remove(link);
        var (token, t) = help.Time > own.Time ? help : own;
        FinishWorkStep(token with { Handoffs = Math.Max(own.Token.Handoffs, help.Token.Handoffs) }, support.Item, support.Agency, t);
    }

    private sealed class SupportState(WorkItem item, int agency)
    {
        public WorkItem Item { get; } = item;

        public int Agency { get; } = agency;

        public (ProjectToken Token, double Time)? Own { get; set; }

        public (ProjectToken Token, double Time)? Help { get; set; }
    }
}
