using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Grains.Hosting;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IsdnSim.Grains;

[CollectionAgeLimit(AlwaysActive = true)]
[ReplicationPlacement]
public sealed class RunCoordinatorGrain(LocalSilo silo, IOptions<AgentGroupOptions> grouping) : Grain, IRunCoordinatorGrain
{
    private RunSpec? _spec;
    private SimulationModel? _model;
    private WindowCoordinator? _coordinator;
    private IAgentGroupGrain[] _groups = [];
    private List<AgentCall>[] _callsByGroup = [];
    private bool _done;
    private TraceMerger? _trace;

    /// <summary>The grain key of one agent group of one coordinator's run.</summary>
    public static string GroupKey(string coordinatorKey, int group) => $"{coordinatorKey}/{group}";

    /// <summary>The coordinator's key of a group's key (<see cref="GroupKey"/>).</summary>
    public static string CoordinatorKey(string groupKey) => groupKey[..groupKey.LastIndexOf('/')];

    public async Task<RunStarted> Start(Immutable<RunSpec> runSpec, int replication, bool trace)
    {
        _trace = trace ? new TraceMerger() : null;
        var (spec, model) = await silo.Models.GetAsync(runSpec.Value);
        _spec = spec;
        _model = model;
        var specKey = spec.Key;
        _coordinator = new WindowCoordinator(model, spec.MaxEventsPerWindow);
        var key = this.GetPrimaryKeyString();

        // The groups live on this silo (ReplicationPlacement), so its cores are the ones they share.
        var groups = AgentGroups.Count(model.Agents.Count, Environment.ProcessorCount, grouping.Value.AgentsPerGroup);
        _groups = [.. Enumerable.Range(0, groups).Select(g => GrainFactory.GetGrain<IAgentGroupGrain>(GroupKey(key, g)))];
        _callsByGroup = [.. Enumerable.Range(0, groups).Select(_ => new List<AgentCall>())];
        var firsts = await Task.WhenAll(_groups.Select((group, g) => group.Initialize(specKey, replication, g, groups, trace)));
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < firsts[g].Value.Length; i++)
            {
                _coordinator.SetInitial(AgentGroups.Member(g, i, groups), firsts[g].Value[i]);
            }
        }

        return new RunStarted(model.Agents.Count, groups, GrainContext.Address.SiloAddress!);
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

            await AdvanceWindowAsync(coordinator, calls);
        }

        if (_done && _trace is not null)
        {
            trace.AddRange(_trace.Before(double.PositiveInfinity));
        }

        return new CoordinatorProgress(coordinator.Now, _model!.Horizon.Days, coordinator.Events, coordinator.Windows, _done, [.. trace]);
    }

    /// <summary>
    /// One call per group with agents due, all groups at once; the answers are applied in the
    /// order of <paramref name="calls"/> (agent order), as the in-process engine applies them.
    /// </summary>
    private async Task AdvanceWindowAsync(WindowCoordinator coordinator, List<AgentCall> calls)
    {
        var groups = _groups.Length;
        if (calls.Count == 1)
        {
            var only = calls[0];
            var answer = await _groups[AgentGroups.GroupOf(only.Agent, groups)].Advance(new[] { only }.AsImmutable());
            Apply(coordinator, only.Agent, answer.Value[0]);
            return;
        }

        foreach (var call in calls)
        {
            _callsByGroup[AgentGroups.GroupOf(call.Agent, groups)].Add(call);
        }

        var called = new List<int>(groups);
        var pending = new List<Task<Immutable<AdvanceResult[]>>>(groups);
        for (var g = 0; g < groups; g++)
        {
            if (_callsByGroup[g].Count > 0)
            {
                called.Add(g);
                pending.Add(_groups[g].Advance(_callsByGroup[g].ToArray().AsImmutable()));
                _callsByGroup[g].Clear();
            }
        }

        var answers = new AdvanceResult[groups][];
        var results = await Task.WhenAll(pending);
        for (var k = 0; k < called.Count; k++)
        {
            answers[called[k]] = results[k].Value;
        }

        var next = new int[groups];
        foreach (var call in calls)
        {
            var g = AgentGroups.GroupOf(call.Agent, groups);
            Apply(coordinator, call.Agent, answers[g][next[g]++]);
        }
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
        await Task.WhenAll(_groups.Select(g => g.Release()));
        _groups = [];
        _coordinator = null;
        DeactivateOnIdle();
    }
}
