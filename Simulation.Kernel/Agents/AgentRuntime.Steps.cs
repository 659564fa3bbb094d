using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents;

/// <summary>How a project moves through its process: forwarding, joins, segments, and what happens when a step is done.</summary>
public sealed partial class AgentRuntime
{
    private readonly Dictionary<(ProjectId, int, int), JoinState> _joins = [];
    private readonly Dictionary<ProjectId, int[]> _routes = [];

    private StepModel[] StepsOf(in ProjectToken token) => _stepsByProcess[token.Id.Process];

    private void StartProject(in ProjectToken token, double t)
    {
        foreach (var step in _model.Processes[token.Id.Process].StartSteps)
        {
            Forward(token, step, t);
        }
    }

    /// <summary>A step may start as far as one predecessor is concerned; a linear measure fans out into segments or merges back here.</summary>
    private void Forward(in ProjectToken token, int step, double t)
    {
        var s = StepsOf(token)[step];
        if (s.PerSegment && token.Segment < 0)
        {
            var route = Route(token.Id);
            for (var i = 0; i < route.Length; i++)
            {
                Deliver(token with { Segment = i, Territory = route[i] }, step, t);
            }
        }
        else if (!s.PerSegment && token.Segment >= 0)
        {
            Deliver(token with { Segment = -1, Territory = token.Id.Owner }, step, t);
        }
        else
        {
            Deliver(token, step, t);
        }
    }

    private void Deliver(in ProjectToken token, int step, double t)
    {
        var holder = _model.HolderOf(token.Territory, StepsOf(token)[step].Role);
        if (holder.Agent == Index)
        {
            PredecessorDone(token, step, t);
        }
        else
        {
            Send(MessageKind.StepReady, holder.Agent, t, step, token);
        }
    }

    private void PredecessorDone(in ProjectToken token, int step, double t)
    {
        var s = StepsOf(token)[step];
        var needed = s.PerSegment
            ? s.Predecessors.Length
            : s.Predecessors.Length - s.SegmentPredecessors + (s.SegmentPredecessors > 0 ? s.SegmentPredecessors * Route(token.Id).Length : 0);
        if (needed <= 1)
        {
            StepReady(token, step, t);
            return;
        }

        // A join: the step waits for all predecessors; the one that arrives last is on the
        // critical chain, so its token (path, dominant step, counts) is the one carried on.
        var key = (token.Id, step, token.Segment);
        if (!_joins.TryGetValue(key, out var join))
        {
            _joins[key] = new JoinState(needed - 1, token);
            return;
        }

        if (join.Remaining > 1)
        {
            _joins[key] = new JoinState(join.Remaining - 1, token);
            return;
        }

        _joins.Remove(key);
        StepReady(token, step, t);
    }

    /// <summary>All predecessors are done: the step starts here, in the way its kind says.</summary>
    private void StepReady(in ProjectToken token, int step, double t)
    {
        var s = StepsOf(token)[step];
        var agency = _model.HolderOf(token.Territory, s.Role).Agency;
        switch (s.Kind)
        {
            case StepKind.Council:
                var next = _councils[agency]!.Enqueue(new WorkItem { Token = token, Kind = WorkKind.Step, Step = step, Ready = t }, t);
                Trace(TraceKind.Enqueue, t, token.Id, token.Segment, step, agency, detail: (byte)WorkKind.Step, queue: _councils[agency]!.Queue.Count);
                if (!double.IsNaN(next))
                {
                    Schedule(next, EventKind.Session, agency, 0);
                }

                break;
            case StepKind.Consultation:
                StartConsultation(token, step, agency, t);
                break;
            default:
                Enqueue(agency, new WorkItem
                {
                    Token = token,
                    Kind = WorkKind.Step,
                    Step = step,
                    Priority = _self.Agencies[agency].ProjectPriority,
                    Ready = t,
                }, t);
                break;
        }
    }

    private void OnSession(int agency, double t)
    {
        var next = _councils[agency]!.Decide(t, _decided);
        Trace(TraceKind.Session, t, NoProject, -1, -1, agency, peer: _decided.Count, queue: _councils[agency]!.Queue.Count);
        if (!double.IsNaN(next))
        {
            Schedule(next, EventKind.Session, agency, 0);
        }

        foreach (var item in _decided.ToArray())
        {
            StepDone(item.Token.Accrue(PathPart.Council, t - item.Ready), item.Step, Index, agency, item.Ready, t, item.Ready, 0);
        }
    }

    /// <summary>
    /// A step is done: it is counted (a decision, and whether the council or office that took it
    /// was elected for the project's own territory), may be the longest so far, and hands on.
    /// </summary>
    private void StepDone(ProjectToken token, int step, int dominantAgent, int dominantAgency, double ready, double t, double start, double effort)
    {
        var s = StepsOf(token)[step];

        // Review rounds belong to one approval: the next step starts counting afresh.
        token = token with { Dominant = token.Dominant.Longer(step, dominantAgent, dominantAgency, t - ready), Round = 0 };
        if (s.Kind is StepKind.Council or StepKind.Approval && Counting(t))
        {
            _decisions++;
            if (Index == _model.Agents[token.Territory].Seat)
            {
                _congruent++;
            }
        }

        // The holder's agency is looked up only for what records it: this runs for every step of every project.
        if (_trace is not null || _options.RecordSteps)
        {
            var agency = _model.HolderOf(token.Territory, s.Role).Agency;
            Trace(TraceKind.StepDone, t, token.Id, token.Segment, step, agency, value: t - ready);
            if (_options.RecordSteps)
            {
                _steps.Add(new StepRecord(token.Id, token.Arrival, step, Index, agency, ready, start, t, effort) { Segment = token.Segment });
            }
        }

        if (s.IsFinal)
        {
            var record = new ProjectRecord(token.Id, token.Arrival, t, token.Path)
            {
                Dominant = token.Dominant,
                Handoffs = token.Handoffs,
                Reworks = token.Reworks,
            };
            if (token.Id.Shock >= 0)
            {
                // The owner was obliged; the step that finishes the project may be done elsewhere.
                var owner = token.Id.Owner;
                var mandate = _model.Mandates[_model.Agents[owner].Host].First(m => m.Owner == owner && m.Shock == token.Id.Shock);
                record = record with { Shock = mandate.Shock, Group = mandate.Group, Deadline = mandate.Deadline };
            }

            _finished.Add(record);
            Trace(TraceKind.Finish, t, token.Id, -1, step, -1, value: t - token.Arrival);
            return;
        }

        foreach (var successor in s.Successors)
        {
            Forward(token, successor, t);
        }
    }

    /// <summary>
    /// The municipalities a linear measure crosses: its owner, then others of the owner's district
    /// drawn from the project's own stream, so the route is the same wherever it is asked for.
    /// </summary>
    private int[] Route(ProjectId id)
    {
        if (_routes.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var candidates = _model.SegmentCandidates(id.Owner);
        var count = Math.Min(_model.Processes[id.Process].Segments, candidates.Length);
        var pool = candidates[1..];
        var stream = RandomStream.FromKey(StreamKeys.Route(_root, _model.Agents[id.Owner].IdHash, _model.Processes[id.Process].IdHash, id.Serial));
        for (var i = 0; i < count - 1; i++)
        {
            var j = i + stream.NextInt(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var route = new int[count];
        route[0] = id.Owner;
        Array.Copy(pool, 0, route, 1, count - 1);
        _routes[id] = route;
        return route;
    }

    /// <summary>Whether this agent knows the place: it is the territory itself, its Amt, or its seat (the city of a quarter).</summary>
    private bool KnowsThePlace(int territory) =>
        Index == territory || _model.Agents[territory].Amt == Index || _model.Agents[territory].Seat == Index;

    private readonly record struct JoinState(int Remaining, ProjectToken Critical);
}
