using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Analysis.Engine;

/// <summary>
/// Runs all agents of a replication in this process, window by window: a large window's agents
/// spread over <see cref="RunSpec.WindowThreads"/> threads, a small one's on the calling thread
/// (<see cref="WindowCalls"/>), with the same bytes either way. It is the oracle the Orleans engine
/// is checked against and the reference for performance.
/// </summary>
public sealed class InProcessEngine : ISimulationEngine
{
    public string Name => "inprocess";

    public Task<ReplicationResult> RunReplicationAsync(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken,
        ITraceSink? trace = null) =>
        Task.FromResult(Run(spec, model, replication, progress, cancellationToken, trace));

    public static ReplicationResult Run(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress = null,
        CancellationToken cancellationToken = default,
        ITraceSink? trace = null) =>
        Run(spec, model, replication, progress, cancellationToken, trace, WindowCalls.DefaultParallelFrom, WindowCalls.DefaultSpreadFromEvents);

    /// <summary>As <see cref="Run(RunSpec, SimulationModel, int, IProgress{ReplicationProgress}?, CancellationToken, ITraceSink?)"/>, with the due agents and expected events from which a window is spread over the threads (tests spread every window).</summary>
    internal static ReplicationResult Run(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken,
        ITraceSink? trace,
        int parallelFrom,
        long spreadFromEvents = 0)
    {
        var coordinator = new WindowCoordinator(model, spec.MaxEventsPerWindow);
        var options = trace is null ? spec.Options : spec.Options with { Trace = true };
        var merger = trace is null ? null : new TraceMerger();
        var calls = WindowCalls.Create(model, replication, options, spec.ThreadsPerReplication(1), parallelFrom, spreadFromEvents);
        var agents = calls.Agents;
        for (var a = 0; a < agents.Length; a++)
        {
            coordinator.SetInitial(a, agents[a].Initialize());
        }

        var horizon = model.Horizon.Days;
        var lastReport = Environment.TickCount64;

        // Windows planned in place: inboxes and outboxes are lent, not copied, as all agents are in this process.
        while (coordinator.PlanWindow())
        {
            if (merger is not null)
            {
                trace!.Write(merger.Before(coordinator.Now));
            }

            calls.Run(coordinator, merger);

            if (Environment.TickCount64 - lastReport > 100)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ReplicationProgress(replication, coordinator.Now, horizon, coordinator.Events));
                lastReport = Environment.TickCount64;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (merger is not null)
        {
            trace!.Write(merger.Before(double.PositiveInfinity));
        }

        progress?.Report(new ReplicationProgress(replication, horizon, horizon, coordinator.Events));
        var results = calls.Close(horizon);
        return ReplicationResult.Assemble(replication, horizon, results, coordinator.Windows);
    }
}
