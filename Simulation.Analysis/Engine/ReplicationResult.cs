using IsdnSim.Kernel.Agents;

namespace IsdnSim.Analysis.Engine;

/// <summary>The raw outcome of one replication, in a canonical order that does not depend on the engine.</summary>
public sealed record ReplicationResult(
    int Replication,
    double HorizonDays,
    ProjectRecord[] Projects,
    AgencyStatistics[] Agencies,
    ArrivalTally[] Arrivals,
    StepRecord[] Steps,
    long Events,
    long Windows,
    AgentTallies Tallies)
{
    /// <summary>Merges the agents' results: projects by (finish, id), agencies and arrivals by index, steps by (end, project, step).</summary>
    public static ReplicationResult Assemble(int replication, double horizonDays, IReadOnlyList<AgentResult> agents, long windows)
    {
        var projects = MergeByFinish(agents);
        var steps = agents.SelectMany(a => a.Steps).ToArray();
        Array.Sort(steps, static (x, y) =>
        {
            var c = x.End.CompareTo(y.End);
            if (c != 0)
            {
                return c;
            }

            c = x.Project.CompareTo(y.Project);
            return c != 0 ? c : x.Step.CompareTo(y.Step);
        });

        return new ReplicationResult(
            replication,
            horizonDays,
            projects,
            [.. agents.OrderBy(a => a.Agent).SelectMany(a => a.Agencies)],
            [.. agents.OrderBy(a => a.Agent).SelectMany(a => a.Arrivals)],
            steps,
            agents.Sum(a => a.Events),
            windows,
            SumTallies(agents));
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

    private static int ByFinishThenId(ProjectRecord x, ProjectRecord y)
    {
        var c = x.Finish.CompareTo(y.Finish);
        return c != 0 ? c : x.Id.CompareTo(y.Id);
    }

    /// <summary>
    /// Each agent records projects in the order it finishes them, so its list is sorted by finish
    /// time already (only projects finishing at the same moment, as in one council session, may
    /// need their ids put in order); the lists are then merged rather than sorted as a whole.
    /// </summary>
    private static ProjectRecord[] MergeByFinish(IReadOnlyList<AgentResult> agents)
    {
        var lists = agents.Select(a => a.Finished).Where(f => f.Length > 0).ToArray();
        foreach (var list in lists)
        {
            SortTies(list);
        }

        if (lists.Length == 1)
        {
            return lists[0];
        }

        var result = new ProjectRecord[lists.Sum(l => l.Length)];
        var heads = new PriorityQueue<int, ProjectRecord>(Comparer<ProjectRecord>.Create(ByFinishThenId));
        var positions = new int[lists.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            heads.Enqueue(i, lists[i][0]);
        }

        for (var k = 0; k < result.Length; k++)
        {
            var i = heads.Dequeue();
            result[k] = lists[i][positions[i]++];
            if (positions[i] < lists[i].Length)
            {
                heads.Enqueue(i, lists[i][positions[i]]);
            }
        }

        return result;
    }

    private static void SortTies(ProjectRecord[] list)
    {
        for (var start = 0; start < list.Length;)
        {
            var end = start + 1;
            while (end < list.Length && list[end].Finish == list[start].Finish)
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(list, start, end - start, Comparer<ProjectRecord>.Create(ByFinishThenId));
            }

            start = end;
        }
    }
}
