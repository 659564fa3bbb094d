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

    /// <summary>
    /// Territorial congruence: the share of decisions on projects (council decisions and
    /// approvals) taken by the municipality whose territory the project is in, that is under a
    /// council elected for that territory. NaN without decisions.
    /// </summary>
    public double Congruence { get; init; } = double.NaN;

    /// <summary>Share of consultations that lapsed: the deadline passed before every answer came. NaN without consultations.</summary>
    public double LapsedShare { get; init; } = double.NaN;

    /// <summary>
    /// Legal fictions: of the legal periods of steps with a fiction (one per review round at the
    /// holder) that ended, the share that ran out, the step counting as done by law. NaN without any.
    /// </summary>
    public double FictionShare { get; init; } = double.NaN;

    public IReadOnlyList<DeadlineFigures> Deadlines { get; init; } = [];

    public static ReplicationFigures Compute(SimulationModel model, ReplicationResult result)
    {
        var horizon = result.HorizonDays;
        var warmup = model.Warmup.Days;
        var overall = FlowFigures.Compute(result.Projects, result.Arrivals, horizon, warmup);
        var byProcess = result.Projects.ToLookup(r => r.Id.Process);
        var perProcess = model.Processes
            .Select(p => FlowFigures.Compute([.. byProcess[p.Index]], result.Arrivals.Where(a => a.Process == p.Index), horizon, warmup))
            .ToList();

        var index = result.Agencies.Select((a, i) => ((a.Agent, a.Agency), i)).ToDictionary(x => x.Item1, x => x.i);
        var determining = new double[result.Agencies.Length];
        var counted = result.Projects.Where(p => p.Finish >= warmup).ToList();
        foreach (var p in counted.Where(p => p.Dominant.Step >= 0))
        {
            determining[index[(p.Dominant.Agent, p.Dominant.Agency)]]++;
        }

        for (var i = 0; i < determining.Length; i++)
        {
            determining[i] = counted.Count > 0 ? determining[i] / counted.Count : double.NaN;
        }

        var t = result.Tallies;
        return new ReplicationFigures(result.Replication, overall, perProcess, result.Agencies)
        {
            DeterminingShare = determining,
            Handoffs = t.Handoffs,
            Reworks = t.Reworks,
            Congruence = t.Decisions > 0 ? (double)t.CongruentDecisions / t.Decisions : double.NaN,
            LapsedShare = t.Consultations > 0 ? (double)t.LapsedConsultations / t.Consultations : double.NaN,
            FictionShare = t.FictionPeriods > 0 ? (double)t.Fictions / t.FictionPeriods : double.NaN,
            Deadlines = [.. DeadlineFigures.Compute(model, result)],
        };
    }
}
