using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>The headline figures of one replication: all processes, each process, each agency, and the administration as a whole.</summary>
public sealed record ReplicationFigures(
    int Replication,
    FlowFigures Overall,
    IReadOnlyList<FlowFigures> Processes,
    IReadOnlyList<AgencyStatistics> Agencies)
{
    /// <summary>Share of finished projects whose longest critical step was at each agency (aligned with <see cref="Agencies"/>).</summary>
    public double[] DeterminingShare { get; init; } = [];

    /// <summary>Hand-offs sent, as a flat (from level, to level) matrix over <see cref="SimulationModel.Levels"/>.</summary>
    public long[] Handoffs { get; init; } = [];

    /// <summary>Files returned for rework, (deciding level, reworking level).</summary>
    public long[] Reworks { get; init; } = [];

    /// <summary>The decisions on projects, by discretion, with the representation sums (<see cref="DecisionTally"/>).</summary>
    public DecisionTally Decisions { get; init; } = DecisionTally.Empty;

    /// <summary>
    /// Territorial congruence: of the decisions that leave a choice (council resolutions and
    /// decisions with discretion), the share taken by the seat of the project's territory, that is
    /// under a council elected for it. Bound decisions and routine checks do not count: the law
    /// decides them, whoever takes them. NaN without such decisions.
    /// </summary>
    public double Congruence => Share(Decisions.WithChoiceCongruent, Decisions.WithChoice);

    /// <summary>The former figure: of all decisions on projects, whatever their discretion, the share taken by the territory's seat.</summary>
    public double CongruenceAllDecisions => Share(Decisions.TotalCongruent, Decisions.Total);

    /// <summary>Over the decisions that leave a choice, the mean inhabitants per elected member of the deciding agent's assembly (where the scenario gives seats).</summary>
    public double InhabitantsPerCouncillor => Decisions.InhabitantsPerSeatCount > 0 ? Decisions.InhabitantsPerSeatSum / Decisions.InhabitantsPerSeatCount : double.NaN;

    /// <summary>Over the decisions that leave a choice, the mean straight-line distance from the project's territory to the decider's seat, km (where the scenario gives locations).</summary>
    public double DistanceToDeciderKm => Decisions.DistanceCount > 0 ? Decisions.DistanceSum / Decisions.DistanceCount : double.NaN;

    /// <summary>Share of consultations that lapsed: the deadline passed before every answer came. NaN without consultations.</summary>
    public double LapsedShare { get; init; } = double.NaN;

    /// <summary>
    /// Legal fictions: of the legal periods of steps with a fiction (one per review round at the
    /// holder) that ended, the share that ran out, the step counting as done by law. NaN without any.
    /// </summary>
    public double FictionShare { get; init; } = double.NaN;

    public IReadOnlyList<DeadlineFigures> Deadlines { get; init; } = [];

    /// <summary>What the modelled posts cost in this replication; null if the scenario has no costs.</summary>
    public CostFigures? Costs { get; init; }

    public static ReplicationFigures Compute(SimulationModel model, ReplicationResult result)
    {
        var horizon = result.HorizonDays;
        var warmup = model.Warmup.Days;
        var overall = FlowFigures.Compute(result.Projects, result.Arrivals, horizon, warmup);
        var projects = ByProcess(result.Projects, model.Processes.Count, static p => p.Id.Process);
        var arrivals = ByProcess(result.Arrivals, model.Processes.Count, static a => a.Process);
        var perProcess = model.Processes.Select(p => FlowFigures.Compute(projects[p.Index], arrivals[p.Index], horizon, warmup)).ToList();

        // Each agency's place in result.Agencies, by agent and agency index (every replication has
        // thousands of agencies at Germany scale: arrays, not a dictionary keyed by pairs).
        var index = new int[model.Agents.Count][];
        for (var i = 0; i < result.Agencies.Length; i++)
        {
            var a = result.Agencies[i];
            (index[a.Agent] ??= new int[model.Agents[a.Agent].Agencies.Count])[a.Agency] = i;
        }

        var determining = new double[result.Agencies.Length];
        var counted = 0;
        foreach (var p in result.Projects)
        {
            if (p.Finish >= warmup)
            {
                counted++;
                if (p.Dominant.Step >= 0)
                {
                    determining[index[p.Dominant.Agent][p.Dominant.Agency]]++;
                }
            }
        }

        for (var i = 0; i < determining.Length; i++)
        {
            determining[i] = counted > 0 ? determining[i] / counted : double.NaN;
        }

        var t = result.Tallies;
        return new ReplicationFigures(result.Replication, overall, perProcess, result.Agencies)
        {
            DeterminingShare = determining,
            Handoffs = t.Handoffs,
            Reworks = t.Reworks,
            Decisions = t.Decisions,
            LapsedShare = t.Consultations > 0 ? (double)t.LapsedConsultations / t.Consultations : double.NaN,
            FictionShare = t.FictionPeriods > 0 ? (double)t.Fictions / t.FictionPeriods : double.NaN,
            Deadlines = [.. DeadlineFigures.Compute(model, result)],
            Costs = CostFigures.Compute(model, result.Agencies, overall.ThroughputPerYear),
        };
    }

    /// <summary>
    /// The items of each process (by <paramref name="process"/>), in their order, in exactly sized
    /// arrays: two passes instead of a lookup that grows its groups and is copied again, as project
    /// records are large structs and a Germany-scale replication has hundreds of thousands.
    /// </summary>
    private static T[][] ByProcess<T>(T[] items, int processes, Func<T, int> process)
    {
        var counts = new int[processes];
        foreach (var item in items)
        {
            counts[process(item)]++;
        }

        var groups = new T[processes][];
        for (var p = 0; p < processes; p++)
        {
            groups[p] = new T[counts[p]];
        }

        Array.Clear(counts);
        foreach (var item in items)
        {
            var p = process(item);
            groups[p][counts[p]++] = item;
        }

        return groups;
    }

    private static double Share(long part, long whole) => whole > 0 ? (double)part / whole : double.NaN;
}
