using IsdnSim.Core.Engine;
using IsdnSim.Core.Model;

namespace IsdnSim.Core.Experiments;

/// <summary>One cell of an experiment: a variant of a comparison, or a point of a sweep, compiled.</summary>
public sealed record ExperimentCell(string Id, RunSpec Spec, SimulationModel Model)
{
    /// <summary>
    /// Runs the replications 0..<paramref name="replications"/>-1 of every cell that are not in
    /// <paramref name="finished"/> yet, stores each as it finishes and adds it there; returns how many it ran.
    /// </summary>
    public static async Task<int> RunMissingAsync(
        ExperimentStore store,
        IReadOnlyList<ExperimentCell> cells,
        int replications,
        Dictionary<(string Cell, int Replication), ReplicationDigest> finished,
        ISimulationEngine engine,
        int parallelism,
        IProgress<ExperimentProgress>? progress,
        CancellationToken cancellationToken)
    {
        var jobs = cells
            .SelectMany(c => Enumerable.Range(0, replications).Where(r => !finished.ContainsKey((c.Id, r))).Select(r => (Cell: c, Replication: r)))
            .ToList();
        var gate = new object();
        await BatchRunner.RunAsync(engine, [.. jobs.Select(j => new ReplicationJob(j.Cell.Spec, j.Cell.Model, j.Replication))], parallelism, progress, cancellationToken,
            (index, result) =>
            {
                var cell = jobs[index].Cell;
                var digest = ReplicationDigest.From(cell.Id, cell.Model, result);
                store.Save(digest);
                lock (gate)
                {
                    finished[(cell.Id, result.Replication)] = digest;
                }
            });
        return jobs.Count;
    }

    /// <summary>The cell's digests for replications 0..<paramref name="replications"/>-1, in order.</summary>
    public static IReadOnlyList<ReplicationDigest> Digests(string cell, int replications, Dictionary<(string Cell, int Replication), ReplicationDigest> finished) =>
        [.. Enumerable.Range(0, replications).Select(r => finished[(cell, r)])];
}
