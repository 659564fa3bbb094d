using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Analysis.Engine;

/// <summary>
/// Runs all agents of a replication on the calling thread, window by window. It is the oracle
/// the Orleans engine is checked against and the reference for performance.
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
        ITraceSink? trace = null)
    {
        var agents = new AgentRuntime[model.Agents.Count];
        var coordinator = new WindowCoordinator(model, spec.MaxEventsPerWindow);
        var options = trace is null ? spec.Options : spec.Options with { Trace = true };
        var merger = trace is null ? null : new TraceMerger();

        // One outbox for all agents: each call's messages are routed (Apply) before the next call.
        var shared = new Outbox();
        for (var a = 0; a < agents.Length; a++)
        {
            agents[a] = new AgentRuntime(model, a, replication, options, shared);
            coordinator.SetInitial(a, agents[a].Initialize());
        }

        var horizon = model.Horizon.Days;
        var lastReport = Environment.TickCount64;

        // Windows planned in place: inboxes and outboxes are lent, not copied, as all agents are on this thread.
        while (coordinator.PlanWindow())
        {
            if (merger is not null)
            {
                trace!.Write(merger.Before(coordinator.Now));
            }

            for (var i = 0; i < coordinator.DueCount; i++)
            {
                var (agent, until) = coordinator.Due(i);
                var events = agents[agent].Advance(until, coordinator.Inbox(i), coordinator.Share, out var next, out var outbox);
                merger?.Add(agents[agent].DrainTrace());
                coordinator.Apply(agent, next, events, outbox);
            }

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
        var results = agents.Select(a => a.Close(horizon)).ToArray();
        return ReplicationResult.Assemble(replication, horizon, results, coordinator.Windows);
    }
}
