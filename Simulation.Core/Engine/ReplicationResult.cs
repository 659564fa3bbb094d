using IsdnSim.Core.Kernel;

namespace IsdnSim.Core.Engine;

/// <summary>The raw outcome of one replication, in a canonical order that does not depend on the engine.</summary>
public sealed record ReplicationResult(
    int Replication,
    double HorizonDays,
    ProjectRecord[] Projects,
    AgencyStatistics[] Agencies,
    ArrivalTally[] Arrivals,
    StepRecord[] Steps,
    long Events,
    long Windows)
{
    /// <summary>Merges the agents' results: projects by (finish, id), agencies and arrivals by index, steps by (end, project, step).</summary>
    public static ReplicationResult Assemble(int replication, double horizonDays, IReadOnlyList<AgentResult> agents, long windows)
    {
        var projects = agents.SelectMany(a => a.Finished).ToArray();
        Array.Sort(projects, static (x, y) =>
        {
            var c = x.Finish.CompareTo(y.Finish);
            return c != 0 ? c : x.Id.CompareTo(y.Id);
        });

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
            windows);
    }
}
