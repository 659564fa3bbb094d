using IsdnSim.Core.Engine;
using IsdnSim.Core.Kernel;
using IsdnSim.Core.Model;
using IsdnSim.Core.Tracing;
using IsdnSim.Grains.Hosting;

namespace IsdnSim.Grains;

/// <summary>
/// Runs a replication on an Orleans cluster (an embedded silo or several): a coordinator grain
/// and one grain per agent drive the same Core code as the in-process engine.
/// </summary>
public sealed class OrleansEngine(IGrainFactory grains, ModelCache? localSilo = null) : ISimulationEngine
{
    private const int PageSize = 50_000;
    private const int CollectBatch = 256;

    public string Name => "orleans";

    /// <summary>Wall time per coordinator call; also how often progress is reported.</summary>
    public TimeSpan Slice { get; init; } = TimeSpan.FromMilliseconds(250);

    public async Task<ReplicationResult> RunReplicationAsync(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken,
        ITraceSink? trace = null)
    {
        var specKey = spec.Key;
        localSilo?.Prime(spec, model);
        await grains.GetGrain<IRunSpecGrain>(specKey).Set(spec);
        var coordinatorKey = $"{Guid.NewGuid():N}/{replication}";
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(coordinatorKey);
        try
        {
            var agentCount = await coordinator.Start(specKey, replication, trace is not null);
            CoordinatorProgress state;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                state = await coordinator.Advance(Slice);
                trace?.Write(state.Trace);
                progress?.Report(new ReplicationProgress(replication, state.Now, state.Horizon, state.Events));
            }
            while (!state.Done);

            var results = new AgentResult[agentCount];
            for (var start = 0; start < agentCount; start += CollectBatch)
            {
                var batch = Enumerable.Range(start, Math.Min(CollectBatch, agentCount - start));
                var collected = await Task.WhenAll(batch.Select(a => CollectAsync(coordinatorKey, a, model.Horizon.Days)));
                foreach (var r in collected)
                {
                    results[r.Agent] = r;
                }
            }

            return ReplicationResult.Assemble(replication, model.Horizon.Days, results, state.Windows);
        }
        finally
        {
            await coordinator.Release();
        }
    }

    private async Task<AgentResult> CollectAsync(string coordinatorKey, int agent, double horizon)
    {
        var grain = grains.GetGrain<IAgentGrain>(RunCoordinatorGrain.AgentKey(coordinatorKey, agent));
        var closing = await grain.Close(horizon);
        var projects = await FetchAsync(closing.Projects, async (o, c) => (await grain.Projects(o, c)).Value);
        var steps = await FetchAsync(closing.Steps, async (o, c) => (await grain.Steps(o, c)).Value);
        return new AgentResult(agent, closing.Agencies, closing.Arrivals, projects, steps, closing.Events, closing.Tallies);
    }

    private static async Task<T[]> FetchAsync<T>(int total, Func<int, int, Task<T[]>> page)
    {
        var all = new T[total];
        for (var offset = 0; offset < total; offset += PageSize)
        {
            var chunk = await page(offset, PageSize);
            chunk.CopyTo(all, offset);
        }

        return all;
    }
}
