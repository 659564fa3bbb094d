using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Analysis.Engine;

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
        Action<ReplicationResult>? onFinished = null,
        (int Replication, ITraceSink Sink)? trace = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replications);
        var results = new ReplicationResult[replications];
        var jobs = Enumerable.Range(0, replications)
            .Select(r => new ReplicationJob(spec, model, r) { Trace = trace is { } t && t.Replication == r ? t.Sink : null })
            .ToList();
        await BatchRunner.RunAsync(engine, jobs, parallelism, progress, cancellationToken, (index, _, result) =>
        {
            onFinished?.Invoke(result);
            results[index] = result;
        });
        return results;
    }
}
