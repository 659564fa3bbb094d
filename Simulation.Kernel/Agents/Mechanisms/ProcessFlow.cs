using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// How a project moves through its process: a step that may start goes to its holder (here, or
/// by hand-off); a linear measure fans out into segments and merges back; a ready step starts in
/// the way its kind says; a step done is counted and recorded and hands on to its successors, or
/// finishes the project.
/// </summary>
internal sealed class ProcessFlow(AgentContext agent)
{
    private readonly Dictionary<ProjectId, int[]> _routes = [];
    private readonly RecordSpool<ProjectRecord> _finished = new();
    private readonly RecordSpool<StepRecord> _steps = new();

    /// <summary>Decisions on projects taken here after the warm-up, by discretion, and whether the body elected for the project's own territory took them.</summary>
    public DecisionCounter Decisions { get; } = new();

    /// <summary>The finished projects in the order they finished (a spool: a long run's do not stay in memory).</summary>
    public RecordSpool<ProjectRecord> Finished => _finished;

    /// <summary>The steps done, in the order they were done (only when the run records steps).</summary>
    public RecordSpool<StepRecord> Steps => _steps;

    public void Start(in ProjectToken token, double t)
    {
        foreach (var step in agent.Processes[token.Id.Process].StartSteps)
        {
            Forward(token, step, -1, t);
        }
    }

    /// <summary>A hand-off says a predecessor of a step held here is done.</summary>
    public void OnStepReady(in ProjectToken token, StepReady m, double t) => agent.Joins.PredecessorDone(token, m.Step, t);

    /// <summary>All predecessors are done: the step starts here, in the way its kind says.</summary>
    public void StepReady(in ProjectToken token, int step, double t)
    {
        var s = agent.StepsOf(token)[step];
        var agency = agent.HolderOf(token, s.Role).Agency;
        switch (s.Kind)
        {
            case StepKind.Council:
                agent.Councils.Enqueue(token, step, agency, t);
                break;
            case StepKind.Consultation:
                agent.Consultations.Start(token, step, agency, t);
                break;
            case StepKind.Work or StepKind.Approval:
                // Written in place, field by field (StaffedWork.NewItem); nothing is added to the agency's items until it is queued.
                ref var item = ref agent.Work.NewItem(agency, out var index);
                item.Token = token;
                item.Kind = WorkKind.Step;
                item.Step = step;
                item.Ready = t;
                Fictions.Watch(agent, ref item, s, agency, t);
                agent.Work.EnqueueProjectWork(agency, index, t);
                break;
            case StepKind.Period:
                agent.Periods.Start(token, step, agency, t);
                break;
            default:
                throw new InvalidOperationException($"No rule to start a step of kind {s.Kind}.");
        }
    }

    /// <summary>
    /// A step is done: it is counted (a decision, by its discretion, and whether the council or
    /// office that took it was elected for the project's own territory), may be the longest so
    /// far, and hands on.
    /// </summary>
    public void StepDone(in ProjectToken done, int step, int dominantAgent, int dominantAgency, double ready, double t, double start, double effort, bool byLaw = false)
    {
        var s = agent.StepsOf(done)[step];

        if (s.IsDecision && agent.Counting(t))
        {
            Decisions.Count(s.Discretion, agent.Self, done.Territory, agent.Model);
        }

        // The holder's agency is looked up only for what records it: this runs for every step of every project.
        if (agent.Trace is not null || agent.Options.RecordSteps)
        {
            var agency = agent.HolderOf(done, s.Role).Agency;
            agent.Trace?.Add(TraceKind.StepDone, t, done.Id, done.Segment, step, agency, value: t - ready);
            if (agent.Options.RecordSteps)
            {
                _steps.Add(new StepRecord(done.Id, done.Arrival, step, agent.Index, agency, ready, start, t, effort) { Segment = done.Segment, ByLaw = byLaw });
            }
        }

        // The token comes by reference and is copied (with the dominant step and round 0) only to
        // hand on: a copy of its 128 bytes per step showed in the M/M/c profile, and a project's
        // last step needs none (its record takes the longer step itself).
        if (s.IsFinal)
        {
            Finish(done, step, dominantAgent, dominantAgency, t - ready, t);
            return;
        }

        // Review rounds belong to one approval: the next step starts counting afresh.
        var token = done with { Dominant = done.Dominant.Longer(step, dominantAgent, dominantAgency, t - ready), Round = 0 };

        // Only an office hand-off needs the office that did the step.
        var doneAt = agent.Model.OfficeHandoff > 0 ? agent.HolderOf(token, s.Role).Agency : -1;
        foreach (var successor in s.Successors)
        {
            Forward(token, successor, doneAt, t);
        }
    }

    /// <summary>
    /// The municipalities a linear measure crosses: its owner, then others of the owner's district
    /// drawn from the project's own stream, so the route is the same wherever it is asked for.
    /// </summary>
    public int[] Route(ProjectId id)
    {
        if (_routes.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var model = agent.Model;
        var candidates = model.SegmentCandidates(id.Owner);
        var count = Math.Min(model.Processes[id.Process].Segments, candidates.Length);
        var pool = candidates[1..];
        var stream = RandomStream.FromKey(StreamKeys.Route(agent.Root, model.Facts[id.Owner].IdHash, model.Processes[id.Process].IdHash, id.Serial));
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

    /// <summary>A step may start as far as one predecessor is concerned; a linear measure fans out into segments or merges back here.</summary>
    /// <param name="doneAt">The office of this agent that did the predecessor, or -1.</param>
    private void Forward(in ProjectToken token, int step, int doneAt, double t)
    {
        var s = agent.StepsOf(token)[step];
        if (s.PerSegment && token.Segment < 0)
        {
            var route = Route(token.Id);
            for (var i = 0; i < route.Length; i++)
            {
                Deliver(token with { Segment = i, Territory = route[i] }, step, doneAt, t);
            }
        }
        else if (!s.PerSegment && token.Segment >= 0)
        {
            Deliver(token with { Segment = -1, Territory = token.Id.Owner }, step, doneAt, t);
        }
        else
        {
            Deliver(token, step, doneAt, t);
        }
    }

    private void Deliver(in ProjectToken token, int step, int doneAt, double t)
    {
        var holder = agent.HolderOf(token, agent.StepsOf(token)[step].Role);
        if (holder.Agent == agent.Index && OfficeHandOffs.Crosses(agent, doneAt, holder.Agency))
        {
            agent.OfficeHandOffs.Send(token, step, holder.Agency, t);
        }
        else if (holder.Agent == agent.Index)
        {
            agent.Joins.PredecessorDone(token, step, t);
        }
        else
        {
            agent.HandOffs.Send(holder.Agent, t, token, new StepReady(step));
        }
    }

    /// <summary>
    /// The project is done with <paramref name="step"/>, done at <paramref name="doneAgency"/> of
    /// <paramref name="doneBy"/> in <paramref name="duration"/> days: its record, with the longest
    /// step (the token's, or the last one if longer).
    /// </summary>
    private void Finish(in ProjectToken token, int step, int doneBy, int doneAgency, double duration, double t)
    {
        if (token.Id.Shock < 0)
        {
            // Written where it is kept (the common case, once per project): see ProjectRecord.Write.
            ProjectRecord.Write(ref _finished.Append(), token, t, step, doneBy, doneAgency, duration);
        }
        else
        {
            var record = new ProjectRecord(token.Id, token.Arrival, t, token.Path)
            {
                Dominant = token.Dominant.Longer(step, doneBy, doneAgency, duration),
                Handoffs = token.Handoffs,
                Reworks = token.Reworks,
            };

            // The owner was obliged; the step that finishes the project may be done elsewhere.
            var (owner, shock) = (token.Id.Owner, token.Id.Shock);
            var mandate = agent.Model.Mandates[agent.Model.Agents[owner].Host].First(m => m.Owner == owner && m.Shock == shock);
            record = record with { Shock = mandate.Shock, Group = mandate.Group, Deadline = mandate.Deadline };
            _finished.Add(record);

            // A joint plan is finished for every member at once, each against its own deadline.
            foreach (var c in mandate.Covers)
            {
                _finished.Add(record with { Id = token.Id with { Owner = c.Member }, Group = c.Group, Deadline = c.Deadline });
            }
        }

        agent.Trace?.Add(TraceKind.Finish, t, token.Id, -1, step, -1, value: t - token.Arrival);
    }
}
