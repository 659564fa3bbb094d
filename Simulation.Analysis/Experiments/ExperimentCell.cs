using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// One cell of an experiment: a variant of a comparison, or a point of a sweep. Its model is
/// compiled when a replication needs it and, unless <c>keep</c>, dropped when none is running.
/// </summary>
/// <param name="seed">The seed its replications run with (the plan's, or the scenario's at this cell), known without compiling the model.</param>
/// <param name="group">Cells that read the same text (a design point's variants), run spread apart so that one reads it for all (<see cref="InStartOrder"/>); null: a group of its own.</param>
public sealed class ExperimentCell(string id, RunSpec spec, ulong seed, SimulationModel? model = null, bool keep = true, string? group = null)
{
    private readonly Lock _gate = new();
    private SimulationModel? _model = model;
    private int _running;

    public string Id { get; } = id;

    public RunSpec Spec { get; } = spec;

    /// <summary>The seed of this cell's replications: a stored replication computed with another does not belong to it.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>The cells that read the same text as this one, or null for a cell on its own.</summary>
    public string? Group { get; } = group;

    /// <summary>The compiled model (compiling it if it is not held).</summary>
    public SimulationModel Model
    {
        get
        {
            lock (_gate)
            {
                return _model ??= Spec.Compile();
            }
        }
    }

    private SimulationModel Acquire()
    {
        lock (_gate)
        {
            _running++;
            return _model ??= Spec.Compile();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            if (--_running == 0 && !keep)
            {
                _model = null;
            }
        }
    }

    /// <summary>
    /// Runs the replications 0..<paramref name="replications"/>-1 of every cell that are not in
    /// <paramref name="finished"/> yet, stores each as it finishes and adds it there; returns how many it ran.
    /// With <paramref name="observe"/>, each digest also keeps what it computes of the replication
    /// (a calibration's simulated counterparts of the observed statistics).
    /// </summary>
    public static async Task<int> RunMissingAsync(
        ExperimentStore store,
        IReadOnlyList<ExperimentCell> cells,
        int replications,
        Dictionary<(string Cell, int Replication), ReplicationDigest> finished,
        ISimulationEngine engine,
        int parallelism,
        IProgress<ExperimentProgress>? progress,
        CancellationToken cancellationToken,
        Func<SimulationModel, ReplicationResult, ObservedValue[]>? observe = null)
    {
        var jobs = InStartOrder(cells
            .SelectMany(c => Enumerable.Range(0, replications).Where(r => !finished.ContainsKey((c.Id, r))).Select(r => (Cell: c, Replication: r))),
            parallelism);
        var gate = new object();
        await BatchRunner.RunAsync(engine, [.. jobs.Select(j => new ReplicationJob(j.Cell.Spec, j.Cell.Acquire, j.Replication) { Done = j.Cell.Release })],
            parallelism, progress, cancellationToken,
            (index, model, result) =>
            {
                var digest = ReplicationDigest.From(jobs[index].Cell.Id, model, result);
                if (observe is not null)
                {
                    digest = digest with { Observed = observe(model, result) };
                }

                store.Save(digest, model.Seed);
                result.Dispose();
                lock (gate)
                {
                    finished[(digest.Cell, result.Replication)] = digest;
                }
            });
        return jobs.Count;
    }

    /// <summary>
    /// The jobs in the order they start: as they come, except that the jobs of one group (the
    /// variants of a design point, which read one text) start <paramref name="parallelism"/> apart,
    /// groups taken <paramref name="parallelism"/> at a time: p0.a p1.a p0.b p1.b for two at once.
    /// Side by side, both of a group's first jobs would read its text; this way the first has read it
    /// when the second starts, and the second compiles from what it read (ScenarioLoader.ParseForRun).
    /// The results do not depend on the order. Jobs of cells without a group keep their order.
    /// </summary>
    internal static List<(ExperimentCell Cell, int Replication)> InStartOrder(IEnumerable<(ExperimentCell Cell, int Replication)> jobs, int parallelism)
    {
        var all = jobs.ToList();
        if (all.All(j => j.Cell.Group is null))
        {
            return all;
        }

        var groups = all.GroupBy(j => j.Cell.Group ?? j.Cell.Id, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        return [.. groups.Chunk(parallelism).SelectMany(chunk =>
            Enumerable.Range(0, chunk.Max(g => g.Count)).SelectMany(k => chunk.Where(g => k < g.Count).Select(g => g[k])))];
    }

    /// <summary>The cell's digests for replications 0..<paramref name="replications"/>-1, in order.</summary>
    public static IReadOnlyList<ReplicationDigest> Digests(string cell, int replications, Dictionary<(string Cell, int Replication), ReplicationDigest> finished) =>
        [.. Enumerable.Range(0, replications).Select(r => finished[(cell, r)])];
}
