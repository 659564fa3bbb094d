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

        // One pass over the projects in canonical order (they are streamed, never held): every
        // figure that sums over them sums in that order, per process in its order within it.
        // Each agency's place in result.Agencies, by agent and agency index (every replication has
        // thousands of agencies at Germany scale: arrays, not a dictionary keyed by pairs).
        var index = new int[model.Agents.Count][];
        for (var i = 0; i < result.Agencies.Length; i++)
        {
            var a = result.Agencies[i];
            (index[a.Agent] ??= new int[model.Agents[a.Agent].Agencies.Count])[a.Agency] = i;
        }

        var determining = new double[result.Agencies.Length];
        long counted = 0;
        using var all = new FlowTally(warmup, horizon);
        var byProcess = model.Processes.Select(_ => new FlowTally(warmup, horizon)).ToArray();
        try
        {
            foreach (var p in result.Projects)
            {
                all.Add(p);
                byProcess[p.Id.Process].Add(p);
                if (p.Finish >= warmup)
                {
                    counted++;
                    if (p.Dominant.Step >= 0)
                    {
                        determining[index[p.Dominant.Agent][p.Dominant.Agency]]++;
                    }
                }
            }

            var overall = all.Figures(result.Arrivals);
            var arrivals = ArrivalsByProcess(result.Arrivals, model.Processes.Count);
            var perProcess = model.Processes.Select(p => byProcess[p.Index].Figures(arrivals[p.Index])).ToList();
            for (var i = 0; i < determining.Length; i++)
            {
                determining[i] = counted > 0 ? determining[i] / counted : double.NaN;
            }

            return Assemble(model, result, overall, perProcess, determining);
        }
        finally
        {
            foreach (var t in byProcess)
            {
                t.Dispose();
            }
        }
    }

    private static ReplicationFigures Assemble(SimulationModel model, ReplicationResult result, FlowFigures overall, List<FlowFigures> perProcess, double[] determining)
    {
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

    /// <summary>The arrival tallies of each process, in their order (one pass, not one filter of all tallies per process).</summary>
    private static List<ArrivalTally>[] ArrivalsByProcess(IEnumerable<ArrivalTally> arrivals, int processes)
    {
        var groups = new List<ArrivalTally>[processes];
        for (var p = 0; p < processes; p++)
        {
            groups[p] = [];
        }

        foreach (var a in arrivals)
        {
            groups[a.Process].Add(a);
        }

        return groups;
    }

    private static double Share(long part, long whole) => whole > 0 ? (double)part / whole : double.NaN;
}
