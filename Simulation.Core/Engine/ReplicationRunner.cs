using IsdnSim.Core.Model;

namespace IsdnSim.Core.Engine;

/// <summary>
/// Runs the replications of one scenario on an engine, several at a time, and returns them in
/// replication order whatever order they finish in. Each finished replication is also handed to
/// <c>onFinished</c> at once, so an interrupted run keeps what it has computed.
/// </summary>
public static class ReplicationRunner
{
    public static async Task<ReplicationResult[]> RunAsync(
        ISimulationEngine engine,
        RunSpec spec,
        SimulationModel model,
        int replications,
        int parallelism,
        IProgress<ExperimentProgress>? progress,
        CancellationToken cancellationToken,
        Action<ReplicationResult>? onFinished = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replications);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        var results = new ReplicationResult[replications];
        var fractions = new double[replications];
        var events = new long[replications];
        var done = 0;
        var gate = new object();

        void Report()
        {
            progress?.Report(new ExperimentProgress(fractions.Sum() / replications, done, replications, events.Sum()));
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, replications),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (replication, ct) =>
            {
                var perReplication = new InlineProgress<ReplicationProgress>(p =>
                {
                    lock (gate)
                    {
                        fractions[p.Replication] = p.HorizonDays > 0 ? Math.Min(1, p.SimulatedDays / p.HorizonDays) : 1;
                        events[p.Replication] = p.Events;
                        Report();
                    }
                });
                var result = await Task.Run(() => engine.RunReplicationAsync(spec, model, replication, perReplication, ct), ct);
                onFinished?.Invoke(result);
                lock (gate)
                {
                    results[replication] = result;
                    fractions[replication] = 1;
                    events[replication] = result.Events;
                    done++;
                    Report();
                }
            });
        return results;
    }

    /// <summary>Reports on the caller's thread, so a late report cannot overwrite a finished replication.</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
