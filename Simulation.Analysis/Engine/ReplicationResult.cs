using IsdnSim.Kernel.Agents;

namespace IsdnSim.Analysis.Engine;

/// <summary>
/// The raw outcome of one replication, in a canonical order that does not depend on the engine.
/// The projects and steps stay in the agents' spools (on disk past a bound) and are merged into
/// their canonical order whenever they are read; <see cref="Dispose"/> releases the spools.
/// </summary>
public sealed record ReplicationResult(
    int Replication,
    double HorizonDays,
    CanonicalRecords<ProjectRecord> Projects,
    AgencyStatistics[] Agencies,
    ArrivalTally[] Arrivals,
    CanonicalRecords<StepRecord> Steps,
    long Events,
    long Windows,
    AgentTallies Tallies) : IDisposable
{
    /// <summary>Merges the agents' results: projects by (finish, id), agencies and arrivals by index, steps by (end, project, step).</summary>
    public static ReplicationResult Assemble(int replication, double horizonDays, IReadOnlyList<AgentResult> agents, long windows) =>
        new(
            replication,
            horizonDays,
            CanonicalRecords.Projects(agents.Select(a => a.Finished)),
            [.. agents.OrderBy(a => a.Agent).SelectMany(a => a.Agencies)],
            [.. agents.OrderBy(a => a.Agent).SelectMany(a => a.Arrivals)],
            CanonicalRecords.Steps(agents.Select(a => a.Steps)),
            agents.Sum(a => a.Events),
            windows,
            SumTallies(agents));

    /// <summary>This result with its steps let go (once what needed them has read them).</summary>
    public ReplicationResult WithoutSteps()
    {
        Steps.Dispose();
        return this with { Steps = CanonicalRecords.Steps(Array.Empty<StepRecord>()) };
    }

    /// <summary>Releases the agents' spools of projects and steps: the records can no longer be read.</summary>
    public void Dispose()
    {
        Projects.Dispose();
        Steps.Dispose();
    }

    private static AgentTallies SumTallies(IReadOnlyList<AgentResult> agents)
    {
        var levels = agents.Count > 0 ? agents[0].Tallies.Handoffs.Length : 0;
        var handoffs = new long[levels];
        var reworks = new long[levels];
        foreach (var a in agents)
        {
            for (var i = 0; i < levels; i++)
            {
                handoffs[i] += a.Tallies.Handoffs[i];
                reworks[i] += a.Tallies.Reworks[i];
            }
        }

        var mandated = agents.SelectMany(a => a.Tallies.Mandated)
            .GroupBy(m => (m.Shock, m.Group))
            .OrderBy(g => g.Key.Shock).ThenBy(g => g.Key.Group)
            .Select(g => new MandateTally(g.Key.Shock, g.Key.Group, g.Sum(m => m.Count)))
            .ToArray();
        return new AgentTallies(
            handoffs,
            reworks,
            DecisionTally.Sum(agents.Select(a => a.Tallies.Decisions)),
            agents.Sum(a => a.Tallies.Consultations),
            agents.Sum(a => a.Tallies.LapsedConsultations),
            mandated)
        {
            FictionPeriods = agents.Sum(a => a.Tallies.FictionPeriods),
            Fictions = agents.Sum(a => a.Tallies.Fictions),
        };
    }
}
