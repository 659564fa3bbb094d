using System.Runtime.CompilerServices;
using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Kernel.Agents.Mechanisms;

/// <summary>
/// What arrives at the agent from outside: projects of Poisson demand by (municipality, process),
/// projects that a shock's mandate obliges it to start, and the everyday background work of its
/// agencies.
/// </summary>
internal sealed class Demand
{
    private readonly AgentContext _agent;
    private readonly ArrivalSource[] _sources;
    private readonly BackgroundSource?[] _background;
    private readonly IReadOnlyList<MandateModel> _mandates;
    private readonly long[] _mandated;
    private readonly Dictionary<(int Owner, int Process), (long Count, double Sum, long Before)> _mandatedArrivals = [];

    public Demand(AgentContext agent)
    {
        _agent = agent;
        var model = agent.Model;
        var self = agent.Self;
        _sources = [.. model.Sources[agent.Index].Select(s => new ArrivalSource(
            s.Owner,
            s.Process,
            s.Rate.PerDay,
            RandomStream.FromKey(StreamKeys.Arrivals(agent.Root, model.Agents[s.Owner].IdHash, model.Processes[s.Process].IdHash))))];
        _background = [.. agent.Agencies.Select(a => a.Background is { } b && b.Rate.PerDay > 0
            ? new BackgroundSource(b.Rate.PerDay, RandomStream.FromKey(StreamKeys.Background(agent.Root, self.IdHash, a.IdHash)))
            : null)];
        _mandates = model.Mandates[agent.Index];
        _mandated = new long[model.Definition.Shocks.Sum(s => s.Groups.Count)];
    }

    /// <summary>Schedules the first arrivals, background work and mandated projects.</summary>
    public void Start()
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
            _agent.Events.Schedule(_mandates[m].Time, new MandateDue(m));
        }
    }

    public void OnArrival(Arrival e, double t)
    {
        var s = _sources[e.Source];
        var token = new ProjectToken(new ProjectId(s.Owner, s.Process, (int)s.Serial), t, s.Owner);
        s.Serial++;
        _agent.Trace?.Add(TraceKind.Arrive, t, token.Id, -1, -1, -1, peer: s.Owner);
        if (_agent.Counting(t))
        {
            s.Observed++;
            s.SumOfArrivalTimes += t;
        }

        // The next arrival is drawn before the project starts and scheduled after it, as ever (the
        // draw is of the source's own stream): the logarithm's wait then overlaps the writes of the
        // token, which the flow copies into a work item as a whole, instead of that copy waiting for them.
        var next = NextArrival(e.Source, t);
        _agent.Flow.Start(token, t);
        _agent.Events.Schedule(next, new Arrival(e.Source));
    }

    public void OnMandate(MandateDue e, double t)
    {
        var m = _mandates[e.Mandate];
        CountMandated(m.Owner, m.Group, m.Process, m.Shock, t);

        // A joint project (Konvoi) is every member's plan: each counts as obliged and arrived.
        foreach (var c in m.Covers)
        {
            CountMandated(c.Member, c.Group, m.Process, m.Shock, t);
        }

        // Negative serials keep shock projects apart from the Poisson arrivals of the same process.
        var token = new ProjectToken(new ProjectId(m.Owner, m.Process, -1 - m.Shock), t) { Territory = m.Owner };
        _agent.Trace?.Add(TraceKind.Arrive, t, token.Id, -1, -1, -1, peer: m.Owner);
        _agent.Flow.Start(token, t);
    }

    public void OnBackground(BackgroundArrival e, double t)
    {
        var b = _background[e.Agency]!;
        var item = new WorkItem
        {
            Kind = WorkKind.Background,
            Priority = _agent.Agencies[e.Agency].Background!.Priority,
            Ready = t,
            Serial = (int)b.Count++,
        };
        _agent.Work.Enqueue(e.Agency, item, t);
        ScheduleNextBackground(e.Agency, t);
    }

    /// <summary>Arrivals of demand and of mandated projects, for the figures of arrival rates.</summary>
    public ArrivalTally[] Arrivals() =>
        [.. _sources.Select(s => new ArrivalTally(s.Owner, s.Process, s.Observed, s.SumOfArrivalTimes, s.Serial - s.Observed)),
            .. _mandatedArrivals.OrderBy(p => p.Key).Select(p => new ArrivalTally(p.Key.Owner, p.Key.Process, p.Value.Count, p.Value.Sum, p.Value.Before))];

    /// <summary>Projects the shocks obliged this agent to start, by (shock, group).</summary>
    public MandateTally[] Mandated()
    {
        var shocks = _agent.Model.Definition.Shocks;
        var mandated = new List<MandateTally>();
        var k = 0;
        for (var s = 0; s < shocks.Count; s++)
        {
            for (var g = 0; g < shocks[s].Groups.Count; g++, k++)
            {
                if (_mandated[k] > 0)
                {
                    mandated.Add(new MandateTally(s, g, _mandated[k]));
                }
            }
        }

        return [.. mandated];
    }

    private void ScheduleNextArrival(int source, double now) => _agent.Events.Schedule(NextArrival(source, now), new Arrival(source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double NextArrival(int source, double now)
    {
        ref var s = ref _sources[source].Stream;
        return now - Math.Log(s.NextOpenDouble()) / _sources[source].RatePerDay;
    }

    private void ScheduleNextBackground(int agency, double now)
    {
        var b = _background[agency]!;
        var next = now - Math.Log(b.Stream.NextOpenDouble()) / b.RatePerDay;
        _agent.Events.Schedule(next, new BackgroundArrival(agency));
    }

    private void CountMandated(int owner, int group, int process, int shock, double t)
    {
        _mandated[MandateSlot(shock, group)]++;
        var (count, sum, before) = _mandatedArrivals.GetValueOrDefault((owner, process));
        _mandatedArrivals[(owner, process)] = _agent.Counting(t) ? (count + 1, sum + t, before) : (count, sum, before + 1);
    }

    private int MandateSlot(int shock, int group)
    {
        var slot = 0;
        for (var s = 0; s < shock; s++)
        {
            slot += _agent.Model.Definition.Shocks[s].Groups.Count;
        }

        return slot + group;
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
