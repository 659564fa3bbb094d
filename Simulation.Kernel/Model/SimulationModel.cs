using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Model;

/// <summary>
/// A validated scenario compiled for running: everything indexed by integers, every role
/// resolved to an (agent, agency) per municipality where projects can need it, hand-off
/// latencies per pair of agents, and the graph of which agent can send work to which, which the
/// engines use to let unreachable agents run ahead. Immutable and shared by all replications.
/// </summary>
public sealed class SimulationModel
{
    /// <summary>The names of the levels hand-offs and rework are tallied between, indexed by <see cref="AgentModel.Level"/>.</summary>
    public static readonly string[] Levels = [.. Definitions.Levels.All];

    private static readonly Holder None = new(-1, -1);

    // [municipality * role count + role], None in the rows of agents that are not municipalities: a
    // call looks up the holder for its project's territory, one of thousands of municipalities, and a
    // row of its own per municipality was one more object to reach, seldom in cache (BENCHMARKS.md,
    // twentieth round).
    private readonly Holder[] _holders;
    private readonly int _roleCount;
    private readonly int[]?[] _segmentCandidates; // [owner]
    private readonly int[] _predStart;
    private readonly int[] _preds;
    private readonly double[] _predLatency;
    private readonly double[] _minInLatency;
    private readonly HandoffDefinition _handoff;
    private readonly (HandoffRule Rule, byte[] ScoresA, byte[] ScoresB)[] _handoffRules; // [rule]: each end's score of every agent

    private SimulationModel(ScenarioDefinition definition)
    {
        Definition = definition;
        Start = definition.Start;
        Horizon = new SimTime(definition.Horizon.Value);
        Warmup = new SimTime(definition.Warmup.Value);
        Seed = definition.Seed;
        _handoff = definition.Handoff;
        _handoffRules = [.. definition.Handoff.Rules.Select(r => (r, HandoffEnd.Of(r.A).Scores(definition.Agents), HandoffEnd.Of(r.B).Scores(definition.Agents)))];
        OfficeHandoff = definition.Handoff.BetweenOffices.Value;

        Calendar = definition.Calendar.Continuous
            ? ContinuousCalendar.Instance
            : new WorkingDayCalendar(definition.Start, (int)Math.Ceiling(definition.Horizon.Value) + ScenarioLimits.CalendarMarginDays,
                definition.Calendar.Workdays, definition.Calendar.Holidays);
        YearStarts = YearBoundaries(definition.Start, definition.Horizon.Value);

        Roles = [.. definition.Jurisdiction.Select(j => j.Role)];
        var roleIndex = Roles.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        CommitteeRoles = [.. definition.Processes.SelectMany(p => p.Steps).SelectMany(s => s.Committees).Distinct(StringComparer.Ordinal)];
        var committeeIndex = CommitteeRoles.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        var agentIndex = definition.Agents.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var resolver = JurisdictionResolver.Take(definition.Agents, definition.Jurisdiction); // the check's, where it handed it over

        int Nearest(string id, Func<AgentDefinition, bool> has) =>
            resolver.Ancestors(id).FirstOrDefault(has) is { } found ? agentIndex[found.Id] : agentIndex[id];
        Agents = [.. definition.Agents.Select((a, i) => new AgentModel(i, a.Id, a.Kind, a.Name, a.Population,
            [.. a.Agencies.Select((g, j) => new AgencyModel(j, g.Id, g.Name, g.Staff, g.Productivity, g.Roles, StableHash.Of(g.Id))
            {
                Sessions = g.Sessions,
                PriorityQueue = g.PriorityQueue,
                ProjectPriority = g.ProjectPriority,
                Background = g.Background,
                Intake = g.Intake,
                Absence = g.Absence is { IsNone: false } absence ? absence : null,
            })],
            StableHash.Of(a.Id))
        {
            Parent = a.Parent is { } p ? agentIndex[p] : -1,
            Level = (int)Definitions.Levels.Of(a.Kind),
            Amt = resolver.Ancestors(a.Id).FirstOrDefault(x => x.Kind == AgentKind.Amt) is { } amt ? agentIndex[amt.Id] : -1,
            Seat = Nearest(a.Id, x => x.Agencies.Any(g => g.IsCouncil)),
            Host = Nearest(a.Id, x => x.Agencies.Count > 0),
            InhabitantsPerSeat = a is { Population: > 0, Seats: > 0 } ? (double)a.Population.Value / a.Seats.Value : double.NaN,
            Location = a.Location,
            Committees = [.. CommitteeRoles.Select(r => a.Agencies.ToList().FindIndex(g => g.Roles.Contains(r)))],
        })];

        Processes = [.. definition.Processes.Select((p, i) => CompileProcess(p, i, roleIndex, committeeIndex))];
        AgentArray = [.. Agents];
        Facts = [.. Agents.Select(a => new AgentFacts(a.IdHash, a.Level, a.Amt, a.Seat))];
        AgencyArrays = [.. Agents.Select(a => a.Agencies.ToArray())];
        ProcessArray = [.. Processes];
        StepArrays = [.. Processes.Select(p => p.Steps.ToArray())];
        var processIndex = Processes.ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);

        var sources = new List<DemandSource>[Agents.Count];
        var needed = new HashSet<(int Owner, int Process)>();
        foreach (var entry in definition.Demand)
        {
            foreach (var owner in DemandOwners.Select(definition, entry, out _))
            {
                var rate = DemandOwners.Rate(entry, owner);
                if (rate.PerDay > 0)
                {
                    var o = agentIndex[owner.Id];
                    (sources[Agents[o].Host] ??= []).Add(new DemandSource(o, processIndex[entry.Process], rate));
                    needed.Add((agentIndex[owner.Id], processIndex[entry.Process]));
                }
            }
        }

        Sources = [.. sources.Select(s => (IReadOnlyList<DemandSource>)(s ?? []))];

        var mandates = new List<MandateModel>[Agents.Count];
        for (var k = 0; k < definition.Shocks.Count; k++)
        {
            var shock = definition.Shocks[k];
            var time = Math.Max(0, shock.Date.DayNumber - Start.DayNumber);
            // Due on the deadline day: it ends at midnight after it.
            double DeadlineOf(int group) => shock.Groups[group].Deadline.DayNumber - Start.DayNumber + 1;
            foreach (var m in ShockMandates.Select(definition, shock, out _))
            {
                var o = agentIndex[m.Owner.Id];
                var process = processIndex[m.Process];
                (mandates[Agents[o].Host] ??= []).Add(new MandateModel(o, k, m.Group, process, time, DeadlineOf(m.Group))
                {
                    Covers = [.. m.Covers.Select(c => new MandateCover(agentIndex[c.Member.Id], c.Group, DeadlineOf(c.Group)))],
                });
                needed.Add((o, process));
            }
        }

        Mandates = [.. mandates.Select(m => (IReadOnlyList<MandateModel>)(m ?? []))];

        _segmentCandidates = new int[]?[Agents.Count];
        var routes = new Lazy<SegmentRoutes>(() => new SegmentRoutes(definition, resolver));
        var districtMembers = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var municipalities = new bool[Agents.Count];
        foreach (var (owner, process) in needed)
        {
            municipalities[owner] = true;
            if (Processes[process].Segments > 0 && _segmentCandidates[owner] is null)
            {
                _segmentCandidates[owner] = SegmentCandidatesOf(owner);
                foreach (var m in _segmentCandidates[owner]!)
                {
                    municipalities[m] = true;
                }
            }
        }

        // The owner, then the other members of its district in file order (SegmentRoutes.Candidates),
        // from one array of the district's members instead of a list of definitions per owner.
        int[] SegmentCandidatesOf(int owner)
        {
            if (routes.Value.CrossableDistrict(Agents[owner].Id) is not { } district)
            {
                return [owner];
            }

            if (!districtMembers.TryGetValue(district, out var members))
            {
                districtMembers[district] = members = [.. routes.Value.Members(district).Select(a => agentIndex[a.Id])];
            }

            var candidates = new int[members.Length + (Array.IndexOf(members, owner) >= 0 ? 0 : 1)];
            candidates[0] = owner;
            var k = 1;
            foreach (var m in members)
            {
                if (m != owner)
                {
                    candidates[k++] = m;
                }
            }

            return candidates;
        }

        // An agency by its definition (the resolver answers with the scenario's own objects).
        var agencyIndex = new Dictionary<AgencyDefinition, int>(ReferenceEqualityComparer.Instance);
        foreach (var agent in definition.Agents)
        {
            for (var j = 0; j < agent.Agencies.Count; j++)
            {
                agencyIndex.TryAdd(agent.Agencies[j], j);
            }
        }

        Holder HolderOf(int agent, AgencyDefinition agency) =>
            agencyIndex.TryGetValue(agency, out var j) && j < Agents[agent].Agencies.Count && ReferenceEquals(definition.Agents[agent].Agencies[j], agency)
                ? new Holder(agent, j)
                : new Holder(agent, Agents[agent].Agencies.First(g => g.Id == agency.Id).Index);

        _roleCount = Roles.Count;
        _holders = new Holder[Agents.Count * _roleCount];
        Array.Fill(_holders, None);

        // The resolver gives one answer object per holder and role, and neighbouring municipalities
        // mostly share their holder: the holder of the last answer per role is kept, so an answer seen
        // just before is not looked up again by its agent's id (Germany: about 0.4 million answers).
        var lastAnswer = new JurisdictionResolver.Resolution?[Roles.Count];
        var lastHolder = new Holder[Roles.Count];
        for (var m = 0; m < Agents.Count; m++)
        {
            if (!municipalities[m])
            {
                continue;
            }

            var row = m * _roleCount;
            for (var role = 0; role < Roles.Count; role++)
            {
                var r = resolver.Resolve(m, role); // the model's agents and roles are the definition's, in order
                if (!ReferenceEquals(r, lastAnswer[role]))
                {
                    lastAnswer[role] = r;
                    lastHolder[role] = r.Ok ? HolderOf(agentIndex[r.Agent!.Id], r.Agency!) : None;
                }

                _holders[row + role] = lastHolder[role];
            }
        }

        var below = new Lazy<Dictionary<string, List<int>>>(() => AgentsBelow(resolver));
        WorkingGroups = [.. definition.WorkingGroups.Select(g => new WorkingGroupModel(g.Id, GroupMembers(g, below, agentIndex), g.Every.Value, g.First.Value))];

        (_predStart, _preds, _predLatency) = BuildCommunicationGraph(needed);
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

    /// <summary>When statistics start: what finished before it is not counted (the start itself for no warm-up).</summary>
    public SimTime Warmup { get; }

    public ulong Seed { get; }

    public WorkCalendar Calendar { get; }

    /// <summary>Days from the start to each anniversary of it within the horizon, starting with 0: the simulated years.</summary>
    public double[] YearStarts { get; }

    public IReadOnlyList<string> Roles { get; }

    /// <summary>The roles council steps name as their committees (found at the council's own agent, not through jurisdiction).</summary>
    public IReadOnlyList<string> CommitteeRoles { get; }

    public IReadOnlyList<AgentModel> Agents { get; }

    public IReadOnlyList<ProcessModel> Processes { get; }

    // The same agents, processes and steps as arrays, for the agents' hot paths: indexing an
    // array is no interface call. Read only.
    internal AgentModel[] AgentArray { get; }

    /// <summary>Per agent, what other agents' calls read about it (<see cref="AgentFacts"/>), in agent order.</summary>
    internal AgentFacts[] Facts { get; }

    internal ProcessModel[] ProcessArray { get; }

    /// <summary>Each agent's agencies as an array, made once per model: every replication's agents share them.</summary>
    internal AgencyModel[][] AgencyArrays { get; }

    internal StepModel[][] StepArrays { get; }

    /// <summary>Demand started by each agent: its own, and that of territories it hosts (quarters without agencies).</summary>
    public IReadOnlyList<IReadOnlyList<DemandSource>> Sources { get; }

    /// <summary>Projects shocks oblige each agent (or the territories it hosts) to start.</summary>
    public IReadOnlyList<IReadOnlyList<MandateModel>> Mandates { get; }

    public IReadOnlyList<WorkingGroupModel> WorkingGroups { get; }

    public static SimulationModel Compile(ScenarioDefinition definition) => new(definition);

    /// <summary>Who does work of <paramref name="role"/> for projects (or segments) of municipality <paramref name="municipality"/> (agent and agency -1 where no one does: a role jurisdiction leaves unresolved, or an agent whose projects no step serves).</summary>
    public Holder HolderOf(int municipality, int role) => _holders[(municipality * _roleCount) + role];

    /// <summary>Who does <paramref name="step"/> of <paramref name="process"/> for projects of <paramref name="owner"/>.</summary>
    public Holder HolderOf(int owner, int process, int step) => HolderOf(owner, Processes[process].Steps[step].Role);

    /// <summary>The municipalities a linear measure of <paramref name="owner"/> may cross, the owner first.</summary>
    public int[] SegmentCandidates(int owner) => _segmentCandidates[owner] ?? [owner];

    /// <summary>Days a file takes from one staffed office of an agent to another of the same agent.</summary>
    public double OfficeHandoff { get; }

    /// <summary>
    /// Calendar time a hand-off from one agent to another takes: the default, or the latency of the
    /// rule that fits the pair best (an agent named scores 2, an agent of the level named 1; a tie
    /// goes to the later rule). Each end's scores are read once per agent when the model is built,
    /// so a pair costs a few array reads per rule, whether or not it is a link of the graph.
    /// </summary>
    public double HandoffLatency(int from, int to)
    {
        if (from == to)
        {
            return 0;
        }

        var best = _handoff.Default.Value;
        var bestScore = 0;
        foreach (var (rule, endA, endB) in _handoffRules)
        {
            int aFrom = endA[from], aTo = endA[to], bFrom = endB[from], bTo = endB[to];
            var score = Math.Max(aFrom * bTo > 0 ? aFrom + bTo : 0, bFrom * aTo > 0 ? bFrom + aTo : 0);
            if (score > 0 && score >= bestScore)
            {
                best = rule.Latency.Value;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>The agents that may send messages to <paramref name="agent"/>, with the least latency of each link.</summary>
    public ReadOnlySpan<int> Predecessors(int agent) => _preds.AsSpan(_predStart[agent], _predStart[agent + 1] - _predStart[agent]);

    public ReadOnlySpan<double> PredecessorLatencies(int agent) =>
        _predLatency.AsSpan(_predStart[agent], _predStart[agent + 1] - _predStart[agent]);

    /// <summary>The least latency of any message into <paramref name="agent"/> (infinite if nobody can reach it).</summary>
    public double MinInLatency(int agent) => _minInLatency[agent];

    /// <summary>The simulated year (0-based) that day <paramref name="t"/> falls in.</summary>
    public int YearOf(double t)
    {
        var i = Array.BinarySearch(YearStarts, t);
        return i >= 0 ? i : ~i - 1;
    }

    private static double[] YearBoundaries(DateOnly start, double horizon)
    {
        var result = new List<double>();
        for (var k = 0; ; k++)
        {
            var day = start.AddYears(k).DayNumber - start.DayNumber;
            if (day >= horizon && k > 0)
            {
                break;
            }

            result.Add(day);
        }

        return [.. result];
    }

    private static ProcessModel CompileProcess(ProcessDefinition p, int index, Dictionary<string, int> roleIndex, Dictionary<string, int> committeeIndex)
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
            [.. s.After.Select(a => stepIndex[a])], [.. successors[i]], StableHash.Of(s.Id))
        {
            Kind = s.Kind,
            Consult = [.. s.Consult.Select(r => roleIndex[r])],
            Deadline = s.Deadline?.Value ?? double.PositiveInfinity,
            Rework = s.Rework is { } r ? new ReworkModel(r.Probability, r.LocalProbability, stepIndex[r.ReturnsTo], r.Effort, r.MaxRounds) : null,
            PerSegment = s.PerSegment,
            SegmentPredecessors = s.After.Count(a => p.Steps[stepIndex[a]].PerSegment),
            SupportRole = s.Support is { } sup ? roleIndex[sup.Role] : -1,
            SupportShare = s.Support?.Share ?? 0,
            Discretion = s.Discretion ?? Discretions.Default(s.Kind),
            Specialist = s.Specialist,
            Duration = s.Duration?.Value ?? 0,
            DeemedAfter = s.DeemedAfter?.Value ?? double.PositiveInfinity,
            Committees = [.. s.Committees.Select(c => committeeIndex[c])],
        }).ToList();
        return new ProcessModel(index, p.Id, p.Name, steps,
            [.. steps.Where(s => s.Predecessors.Length == 0).Select(s => s.Index)],
            steps.Single(s => s.IsFinal).Index,
            StableHash.Of(p.Id))
        {
            Segments = p.Segments,
            Priority = p.Priority ?? int.MaxValue,
        };
    }

    private IReadOnlySet<int> GroupMembers(WorkingGroupDefinition group, Lazy<Dictionary<string, List<int>>> below, Dictionary<string, int> agentIndex)
    {
        var members = new HashSet<int>();
        foreach (var m in group.Members)
        {
            if (m.Below)
            {
                members.UnionWith(below.Value.GetValueOrDefault(m.AgentId) ?? []);
            }
            else
            {
                members.Add(agentIndex[m.AgentId]);
            }
        }

        return members;
    }

    /// <summary>
    /// The agents at or below each agent, in file order: what a working group's "everyone below X"
    /// names, gathered once instead of walking every agent's parents for each such member (a
    /// variant may form a working group for each of Germany's districts).
    /// </summary>
    private Dictionary<string, List<int>> AgentsBelow(JurisdictionResolver resolver)
    {
        var below = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var a in Agents)
        {
            foreach (var x in resolver.Ancestors(a.Id))
            {
                if (!below.TryGetValue(x.Id, out var list))
                {
                    below[x.Id] = list = [];
                }

                if (list.Count == 0 || list[^1] != a.Index)
                {
                    list.Add(a.Index);
                }
            }
        }

        return below;
    }

    /// <summary>One end of a hand-off rule, its level word read once: 2 for the agent it names, 1 for an agent of its level, else 0.</summary>
    private readonly record struct HandoffEnd(string Text, Level? Level)
    {
        public static HandoffEnd Of(string text) =>
            new(text, Definitions.Levels.TryParseHandoffWord(text, out var level) ? level : null);

        public byte Score(AgentDefinition agent) =>
            (byte)(Text == agent.Id ? 2 : Level is { } level && Definitions.Levels.Includes(level, agent.Kind) ? 1 : 0);

        /// <summary>The score of every agent, by index (a byte each: a file's rules times its agents).</summary>
        public byte[] Scores(IReadOnlyList<AgentDefinition> agents)
        {
            var scores = new byte[agents.Count];
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = Score(agents[i]);
            }

            return scores;
        }
    }

    // The remembered links of BuildCommunicationGraph: 4,096 (32 KB, the size of a first-level data
    // cache), placed by a multiplicative hash of the link (Fibonacci hashing).
    private const int RecentBits = 12;
    private const int RecentLinks = 1 << RecentBits;
    private const long Spread = unchecked((long)0x9E3779B97F4A7C15UL);

    /// <summary>
    /// The links work can travel along, by receiving agent then sender, with each link's latency.
    /// Shaped for Germany's size (every municipality of a district may be crossed by the linear
    /// measures of every other): links are collected as packed integers and sorted once, and the
    /// links inside one segment (a step's holder to its successor's in the same segment, and to
    /// and from its consulted, support and rework holders) depend only on the process and the
    /// crossed municipality, so they are added once per process and municipality, not once for
    /// every owner whose route may cross it.
    /// </summary>
    private (int[] Start, int[] Preds, double[] Latency) BuildCommunicationGraph(HashSet<(int Owner, int Process)> needed)
    {
        // Every link asked for that the table of recent ones did not hold, repeats included; sorted
        // and made unique below (a hash set of them took a third of the graph's time, and its
        // growth 10 MB of large objects).
        var edges = new List<long>(1 << 14);
        long agents = Agents.Count;

        // The links last added, by a few bits of the link: Germany's compile asks for 2.5 million
        // links, mostly the same district's agencies again for each of its municipalities, and has
        // 300,000 different ones. A link found here is in the list already and is not added again.
        var recent = new long[RecentLinks];
        Array.Fill(recent, -1L);
        var segmentsDone = new bool[Processes.Count][]; // [process][municipality]: the segment's own links added
        foreach (var (owner, processIndex) in needed)
        {
            var process = Processes[processIndex];
            var candidates = process.Segments > 0 ? SegmentCandidates(owner) : [owner];
            int[] ownerOnly = [owner];
            int[] Instances(StepModel step) => step.PerSegment ? candidates : ownerOnly;
            int H(int municipality, int role) => HolderOf(municipality, role).Agent;

            foreach (var s in process.StartSteps)
            {
                foreach (var m in Instances(process.Steps[s]))
                {
                    AddEdge(Agents[owner].Host, H(m, process.Steps[s].Role));
                }
            }

            if (process.Steps.Any(x => x.PerSegment))
            {
                var done = segmentsDone[processIndex] ??= new bool[Agents.Count];
                foreach (var m in candidates)
                {
                    if (!done[m])
                    {
                        done[m] = true;
                        foreach (var step in process.Steps.Where(x => x.PerSegment))
                        {
                            AddLocalLinks(process, step, m, H(m, step.Role));
                        }
                    }
                }
            }

            foreach (var step in process.Steps)
            {
                foreach (var m in Instances(step))
                {
                    var holder = H(m, step.Role);
                    foreach (var x in step.Successors)
                    {
                        var succ = process.Steps[x];
                        if (step.PerSegment && succ.PerSegment)
                        {
                            continue; // a link within the segment: among its own links, above
                        }

                        foreach (var n in Instances(succ))
                        {
                            AddEdge(holder, H(n, succ.Role));
                        }
                    }

                    if (!step.PerSegment)
                    {
                        AddLocalLinks(process, step, m, holder);
                    }
                }
            }

            // The links of one instance of a step that stay with its municipality m: to its successor in
            // the same segment, and to and from the agencies it consults, its support and rework.
            void AddLocalLinks(ProcessModel process, StepModel step, int m, int holder)
            {
                foreach (var x in step.Successors)
                {
                    var succ = process.Steps[x];
                    if (step.PerSegment && succ.PerSegment)
                    {
                        AddEdge(holder, H(m, succ.Role));
                    }
                }

                foreach (var role in step.Consult)
                {
                    AddBoth(holder, H(m, role));
                }

                if (step.SupportRole >= 0)
                {
                    AddBoth(holder, H(m, step.SupportRole));
                }

                if (step.Rework is { } rework)
                {
                    AddBoth(holder, H(m, process.Steps[rework.ReturnsTo].Role));
                }
            }
        }

        // Sorted by (receiver, sender) as a sort of the numbers would, but by receiver in one
        // counting pass and then each receiver's few senders, each sender kept once: sorting all
        // of Germany's links as one array of numbers was a sixth of the model's compile.
        var start = new int[Agents.Count + 1];
        foreach (var edge in edges)
        {
            start[(int)(edge / agents) + 1]++;
        }

        for (var a = 0; a < Agents.Count; a++)
        {
            start[a + 1] += start[a];
        }

        var asked = new int[edges.Count];
        var next = start[..^1];
        foreach (var edge in edges)
        {
            asked[next[(int)(edge / agents)]++] = (int)(edge % agents);
        }

        // Each receiver's senders sorted and their repeats dropped, moved up over the repeats of
        // the receivers before it (only places already read are written): start[to] becomes
        // where its distinct senders begin.
        var distinct = 0;
        for (var to = 0; to < Agents.Count; to++)
        {
            var (from, end) = (start[to], start[to + 1]);
            start[to] = distinct;
            Array.Sort(asked, from, end - from);
            for (var k = from; k < end; k++)
            {
                if (k == from || asked[k] != asked[k - 1])
                {
                    asked[distinct++] = asked[k];
                }
            }
        }

        start[Agents.Count] = distinct;
        var preds = asked.Length == distinct ? asked : asked[..distinct];
        var latency = new double[preds.Length];
        for (var to = 0; to < Agents.Count; to++)
        {
            for (var k = start[to]; k < start[to + 1]; k++)
            {
                latency[k] = HandoffLatency(preds[k], to);
            }
        }

        return (start, preds, latency);

        void AddBoth(int a, int b)
        {
            AddEdge(a, b);
            AddEdge(b, a);
        }

        // Receiver times the number of agents plus sender: one number per link, whose quotient and
        // remainder by the number of agents are its receiver and sender.
        void AddEdge(int from, int to)
        {
            if (from != to && from >= 0 && to >= 0)
            {
                var edge = to * agents + from;
                ref var slot = ref recent[(int)((ulong)(edge * Spread) >> (64 - RecentBits))];
                if (slot != edge)
                {
                    slot = edge;
                    edges.Add(edge);
                }
            }
        }
    }
}
