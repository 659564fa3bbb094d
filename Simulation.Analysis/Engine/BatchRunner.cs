using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Analysis.Engine;

/// <summary>
/// One replication as part of a batch (a run, a comparison, a sweep). The model is asked for when
/// the replication starts and <see cref="Done"/> called when it ends, so a sweep over thousands of
/// points holds only the models of the replications running.
/// </summary>
public sealed record ReplicationJob(RunSpec Spec, Func<SimulationModel> Model, int Replication)
{
    public ReplicationJob(RunSpec spec, SimulationModel model, int replication)
        : this(spec, () => model, replication)
    {
    }

    public Action? Done { get; init; }

    /// <summary>Where this replication's trace goes, if it is traced.</summary>
    public ITraceSink? Trace { get; init; }
}

/// <summary>
/// Runs a batch of replications on an engine, several at a time (on a cluster: spread over its
/// silos), and hands each result to <c>onFinished</c> as soon as it is done, so an interrupted
/// batch keeps what it has computed. Progress is the fraction of simulated time over the batch.
/// </summary>
public static class BatchRunner
{
    public static async Task RunAsync(
        ISimulationEngine engine,
        IReadOnlyList<ReplicationJob> jobs,
        int parallelism,
        IProgress<ExperimentProgress>? progress,
        CancellationToken cancellationToken,
        Action<int, SimulationModel, ReplicationResult> onFinished)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        var fractions = new double[jobs.Count];
        var events = new long[jobs.Count];
        var done = 0;
        var gate = new object();

        // Replications running at once share the cores: each spreads its windows over its part of them.
        var atOnce = Math.Min(parallelism, jobs.Count);

        void Report()
        {
            progress?.Report(new ExperimentProgress(jobs.Count == 0 ? 1 : fractions.Sum() / jobs.Count, done, jobs.Count, events.Sum()));
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var job = jobs[index];
                var perReplication = new InlineProgress<ReplicationProgress>(p =>
                {
                    lock (gate)
                    {
                        fractions[index] = p.HorizonDays > 0 ? Math.Min(1, p.SimulatedDays / p.HorizonDays) : 1;
                        events[index] = p.Events;
                        Report();
                    }
                });
                var model = job.Model();
                try
                {
                    var spec = job.Spec with { WindowThreads = job.Spec.ThreadsPerReplication(atOnce) };
                    var result = await Task.Run(() => engine.RunReplicationAsync(spec, model, job.Replication, perReplication, ct, job.Trace), ct);
                    onFinished(index, model, result);
                    lock (gate)
                    {
                        events[index] = result.Events;
                    }
                }
                finally
                {
                    job.Done?.Invoke();
                }

                lock (gate)
                {
                    fractions[index] = 1;
                    done++;
                    Report();
                }
            });
    }

    /// <summary>Reports on the caller's thread, so a late report cannot overwrite a finished replication.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
