using IsdnSim.Core.Engine;
using IsdnSim.Core.Kernel;
using IsdnSim.Core.Model;

namespace IsdnSim.Core.Metrics;

/// <summary>The headline figures of one replication: all processes, each process, each agency.</summary>
public sealed record ReplicationFigures(
    int Replication,
    FlowFigures Overall,
    IReadOnlyList<FlowFigures> Processes,
    IReadOnlyList<AgencyStatistics> Agencies)
{
    public static ReplicationFigures Compute(SimulationModel model, ReplicationResult result)
    {
        var horizon = result.HorizonDays;
        var overall = FlowFigures.Compute(result.Projects, result.Arrivals, horizon);
        var perProcess = model.Processes
            .Select(p => FlowFigures.Compute(
                [.. result.Projects.Where(r => r.Id.Process == p.Index)],
                result.Arrivals.Where(a => a.Process == p.Index),
                horizon))
            .ToList();
        return new ReplicationFigures(result.Replication, overall, perProcess, result.Agencies);
    }
}
