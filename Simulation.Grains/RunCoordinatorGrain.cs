using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Grains.Hosting;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;
using Orleans.Concurrency;

namespace IsdnSim.Grains;

[CollectionAgeLimit(AlwaysActive = true)]
[ReplicationPlacement]
public sealed class RunCoordinatorGrain(ModelCache models) : Grain, IRunCoordinatorGrain
{
    private const int InitialisationBatch = 512;

    private RunSpec? _spec;
    private SimulationModel? _model;
    private WindowCoordinator? _coordinator;
    private IAgentGrain[] _agents = [];
    private bool _done;
    private TraceMerger? _trace;

    /// <summary>The grain key of one agent of one coordinator's run.</summary>
    public static string AgentKey(string coordinatorKey, int agent) => $"{coordinatorKey}/{agent}";

    /// <summary>The coordinator's key of an agent's key (<see cref="AgentKey"/>).</summary>
    public static string CoordinatorKey(string agentKey) => agentKey[..agentKey.LastIndexOf('/')];

    public async Task<RunStarted> Start(Immutable<RunSpec> runSpec, int replication, bool trace)
    {
        _trace = trace ? new TraceMerger() : null;
        var (spec, model) = await models.GetAsync(runSpec.Value);
        _spec = spec;
        _model = model;
        var specKey = spec.Key;
        _coordinator = new WindowCoordinator(model, spec.MaxEventsPerWindow);
        var key = this.GetPrimaryKeyString();
        _agents = [.. Enumerable.Range(0, model.Agents.Count).Select(a => GrainFactory.GetGrain<IAgentGrain>(AgentKey(key, a)))];
        for (var start = 0; start < _agents.Length; start += InitialisationBatch)
        {
            var batch = Enumerable.Range(start, Math.Min(InitialisationBatch, _agents.Length - start)).ToArray();
            var firsts = await Task.WhenAll(batch.Select(a => _agents[a].Initialize(specKey, replication, a, trace)));
            for (var i = 0; i < batch.Length; i++)
            {
                _coordinator.SetInitial(batch[i], firsts[i]);
            }
        }

        return new RunStarted(_agents.Length, GrainContext.Address.SiloAddress!);
    }

    public Task<Immutable<RunSpec>> Spec() =>
        Task.FromResult((_spec ?? throw Lost("has no spec")).AsImmutable());

    public async Task<CoordinatorProgress> Advance(TimeSpan budget)
    {
        var coordinator = _coordinator ?? throw Lost("was not started");
        var clock = Stopwatch.StartNew();
        var calls = new List<AgentCall>();
        var trace = new List<TraceEvent>();
        while (!_done && clock.Elapsed < budget)
        {
            if (!coordinator.PlanWindow(calls))
            {
                _done = true;
                break;
            }

            // Nothing can happen before the window's start any more: what came before it is final.
            if (_trace is not null)
            {
                trace.AddRange(_trace.Before(coordinator.Now));
            }

            if (calls.Count == 1)
            {
                var only = calls[0];
                Apply(coordinator, only.Agent, (await _agents[only.Agent].Advance(only.Until, only.Inbox.AsImmutable(), only.MaxEvents)).Value);
                continue;
            }

            var results = await Task.WhenAll(calls.Select(c => _agents[c.Agent].Advance(c.Until, c.Inbox.AsImmutable(), c.MaxEvents)));
            for (var i = 0; i < calls.Count; i++)
            {
                Apply(coordinator, calls[i].Agent, results[i].Value);
            }
        }

        if (_done && _trace is not null)
        {
            trace.AddRange(_trace.Before(double.PositiveInfinity));
        }

        return new CoordinatorProgress(coordinator.Now, _model!.Horizon.Days, coordinator.Events, coordinator.Windows, _done, [.. trace]);
    }

    private void Apply(WindowCoordinator coordinator, int agent, AdvanceResult result)
    {
        _trace?.Add(result.Trace);
        coordinator.Apply(agent, result);
    }

    /// <summary>A coordinator activated without the state of its run: its silo was lost, and the run must start again.</summary>
    private ReplicationLostException Lost(string what) =>
        new($"The coordinator of run '{this.GetPrimaryKeyString()}' {what} on silo {GrainContext.Address.SiloAddress}; its run was lost with the silo that held it.");

    public async Task Release()
    {
        await Task.WhenAll(_agents.Select(a => a.Release()));
        _agents = [];
        _coordinator = null;
        DeactivateOnIdle();
    }
}
