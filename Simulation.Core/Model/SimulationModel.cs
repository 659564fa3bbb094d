using IsdnSim.Core.Random;
using IsdnSim.Core.Scenario;
using IsdnSim.Core.Time;

namespace IsdnSim.Core.Model;

/// <summary>
/// A validated scenario compiled for running: everything indexed by integers, every role
/// resolved to an (agent, agency) per project owner, and the graph of which agent can send
/// work to which, which the engines use to let unreachable agents run ahead. Immutable and
/// shared by all replications.
/// </summary>
public sealed class SimulationModel
{
    private readonly Holder[]?[] _holders; // [owner][role], only for owners with demand
    private readonly int[] _predStart;
    private readonly int[] _preds;
    private readonly double[] _predLatency;
    private readonly double[] _minInLatency;

    private SimulationModel(ScenarioDefinition definition)
    {
        Definition = definition;
        Start = definition.Start;
        Horizon = new SimTime(definition.Horizon.Value);
        Lookahead = definition.Lookahead;
        Handoff = definition.Handoff;
        Seed = definition.Seed;

        Calendar = definition.Calendar.Continuous
            ? ContinuousCalendar.Instance
            : new WorkingDayCalendar(definition.Start, (int)Math.Ceiling(definition.Horizon.Value) + ScenarioLimits.CalendarMarginDays,
                definition.Calendar.Workdays, definition.Calendar.Holidays);

        Roles = [.. definition.Jurisdiction.Select(j => j.Role)];
        var roleIndex = Roles.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);

        Agents = [.. definition.Agents.Select((a, i) => new AgentModel(i, a.Id, a.Kind, a.Name, a.Population,
            [.. a.Agencies.Select((g, j) => new AgencyModel(j, g.Id, g.Name, g.Staff, g.Productivity, g.Roles))],
            StableHash.Of(a.Id)))];
        var agentIndex = Agents.ToDictionary(a => a.Id, a => a.Index, StringComparer.Ordinal);

        Processes = [.. definition.Processes.Select((p, i) => CompileProcess(p, i, roleIndex))];
        var processIndex = Processes.ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);

        var sources = new List<DemandSource>[Agents.Count];
        foreach (var entry in definition.Demand)
        {
            foreach (var owner in DemandOwners.Select(definition, entry, out _))
            {
                var rate = DemandOwners.Rate(entry, owner);
                if (rate.PerDay > 0)
                {
                    (sources[agentIndex[owner.Id]] ??= []).Add(new DemandSource(processIndex[entry.Process], rate));
                }
            }
        }

        Sources = [.. sources.Select(s => (IReadOnlyList<DemandSource>)(s ?? []))];

        var resolver = new JurisdictionResolver(definition.Agents, definition.Jurisdiction);
        _holders = new Holder[]?[Agents.Count];
        for (var owner = 0; owner < Agents.Count; owner++)
        {
            if (Sources[owner].Count == 0)
            {
                continue;
            }

            var table = new Holder[Roles.Count];
            var needed = Sources[owner].SelectMany(s => Processes[s.Process].Steps.Select(st => st.Role)).ToHashSet();
            for (var role = 0; role < Roles.Count; role++)
            {
                if (!needed.Contains(role))
                {
                    table[role] = new Holder(-1, -1);
                    continue;
                }

                var r = resolver.Resolve(Agents[owner].Id, Roles[role]);
                if (!r.Ok)
                {
                    throw new InvalidOperationException("Unresolved role after validation: " + r.Problem);
                }

                var holderAgent = agentIndex[r.Agent!.Id];
                table[role] = new Holder(holderAgent, Agents[holderAgent].Agencies.First(g => g.Id == r.Agency!.Id).Index);
            }

            _holders[owner] = table;
        }

        (_predStart, _preds, _predLatency) = BuildCommunicationGraph();
        _minInLatency = new double[Agents.Count];
        for (var a = 0; a < Agents.Count; a++)
        {
            var min = double.PositiveInfinity;
            for (var k = _predStart[a]; k < _predStart[a + 1]; k++)
            {
                min = Math.Min(min, _predLatency[k]);
            }

            _minInLatency[a] = min;
        }
    }

    public ScenarioDefinition Definition { get; }

    public DateOnly Start { get; }

    public SimTime Horizon { get; }

    public CalendarDays Lookahead { get; }

    public CalendarDays Handoff { get; }

    public ulong Seed { get; }

    public WorkCalendar Calendar { get; }

    public IReadOnlyList<string> Roles { get; }

    public IReadOnlyList<AgentModel> Agents { get; }

    public IReadOnlyList<ProcessModel> Processes { get; }

    /// <summary>Demand arriving at each agent (empty for all but municipalities with demand).</summary>
    public IReadOnlyList<IReadOnlyList<DemandSource>> Sources { get; }

    public static SimulationModel Compile(ScenarioDefinition definition) => new(definition);

    /// <summary>Who does <paramref name="step"/> of <paramref name="process"/> for projects of <paramref name="owner"/>.</summary>
    public Holder HolderOf(int owner, int process, int step) =>
        _holders[owner]![Processes[process].Steps[step].Role];

    /// <summary>Calendar time a hand-off from one agent to another takes; never less than the lookahead.</summary>
    public double HandoffLatency(int from, int to) => Handoff.Value;

    /// <summary>The agents that may send messages to <paramref name="agent"/>, with the least latency of each link.</summary>
    public ReadOnlySpan<int> Predecessors(int agent) => _preds.AsSpan(_predStart[agent], _predStart[agent + 1] - _predStart[agent]);

    public ReadOnlySpan<double> PredecessorLatencies(int agent) =>
        _predLatency.AsSpan(_predStart[agent], _predStart[agent + 1] - _predStart[agent]);

    /// <summary>The least latency of any message into <paramref name="agent"/> (infinite if nobody can reach it).</summary>
    public double MinInLatency(int agent) => _minInLatency[agent];

    private static ProcessModel CompileProcess(ProcessDefinition p, int index, Dictionary<string, int> roleIndex)
    {
        var stepIndex = p.Steps.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var successors = p.Steps.Select(_ => new List<int>()).ToArray();
        foreach (var (s, i) in p.Steps.Select((s, i) => (s, i)))
        {
            foreach (var pred in s.After)
            {
                successors[stepIndex[pred]].Add(i);
            }
        }

        var steps = p.Steps.Select((s, i) => new StepModel(i, s.Id, s.Name, roleIndex[s.Role], s.Effort,
            [.. s.After.Select(a => stepIndex[a])], [.. successors[i]], StableHash.Of(s.Id))).ToList();
        return new ProcessModel(index, p.Id, p.Name, steps,
            [.. steps.Where(s => s.Predecessors.Length == 0).Select(s => s.Index)],
            steps.Single(s => s.IsFinal).Index,
            StableHash.Of(p.Id));
    }

    private (int[] Start, int[] Preds, double[] Latency) BuildCommunicationGraph()
    {
        var edges = new SortedSet<(int To, int From)>();
        for (var owner = 0; owner < Agents.Count; owner++)
        {
            foreach (var source in Sources[owner])
            {
                var process = Processes[source.Process];
                foreach (var s in process.StartSteps)
                {
                    AddEdge(owner, HolderOf(owner, process.Index, s).Agent);
                }

                foreach (var step in process.Steps)
                {
                    var from = HolderOf(owner, process.Index, step.Index).Agent;
                    foreach (var succ in step.Successors)
                    {
                        AddEdge(from, HolderOf(owner, process.Index, succ).Agent);
                    }
                }
            }
        }

        var start = new int[Agents.Count + 1];
        var preds = new int[edges.Count];
        var latency = new double[edges.Count];
        var k = 0;
        foreach (var (to, from) in edges)
        {
            start[to + 1]++;
            preds[k] = from;
            latency[k] = HandoffLatency(from, to);
            k++;
        }

        for (var a = 0; a < Agents.Count; a++)
        {
            start[a + 1] += start[a];
        }

        return (start, preds, latency);

        void AddEdge(int from, int to)
        {
            if (from != to)
            {
                edges.Add((to, from));
            }
        }
    }
}
