using IsdnSim.Analysis.Engine;
using IsdnSim.Grains.Hosting;
using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IsdnSim.Grains;

[CollectionAgeLimit(AlwaysActive = true)]
[ReplicationPlacement]
public sealed class RunCoordinatorGrain(LocalSilo silo, IOptions<AgentGroupOptions> grouping) : Grain, IRunCoordinatorGrain
{
    private readonly List<Task<Immutable<GroupAnswer>>> _calls = [];
    private readonly List<int> _called = [];
    private RunSpec? _spec;
    private WindowSlices? _slices;
    private IAgentGroupGrain[] _groups = [];
    private IAgentGroupGrain? _alone;
    private GroupWindow[] _windows = [];
    private GroupAnswer[] _answers = [];
    private int[] _answered = [];

    /// <summary>The grain key of one agent group of one coordinator's run.</summary>
    public static string GroupKey(string coordinatorKey, int group) => $"{coordinatorKey}/{group}";

    /// <summary>The coordinator's key of a group's key (<see cref="GroupKey"/>).</summary>
    public static string CoordinatorKey(string groupKey) => groupKey[..groupKey.LastIndexOf('/')];

    public async Task<RunStarted> Start(Immutable<RunSpec> runSpec, int replication, bool trace)
    {
        var (spec, model) = await silo.Models.GetAsync(runSpec.Value);
        _spec = spec;
        var specKey = spec.Key;
        var key = this.GetPrimaryKeyString();

        // The groups live on this silo (ReplicationPlacement), so its cores are the ones they share.
        var groups = AgentGroups.Count(model.Agents.Count, Environment.ProcessorCount, grouping.Value.AgentsPerGroup, grouping.Value.CoresToSplit);
        _groups = [.. Enumerable.Range(0, groups).Select(g => GrainFactory.GetGrain<IAgentGroupGrain>(GroupKey(key, g)))];
        _windows = [.. Enumerable.Range(0, groups).Select(_ => new GroupWindow())];
        (_answers, _answered) = (new GroupAnswer[groups], new int[groups]);
        var firsts = await Task.WhenAll(_groups.Select((group, g) => group.Initialize(specKey, replication, g, groups, trace, runSpec.Value.ThreadsPerReplication(1))));

        // A single group plans and runs its windows itself (SoleGroupRun): one call per slice instead of one per window.
        _alone = groups == 1 ? _groups[0] : null;
        if (_alone is null)
        {
            var coordinator = new WindowCoordinator(model, spec.MaxEventsPerWindow);
            for (var g = 0; g < groups; g++)
            {
                for (var i = 0; i < firsts[g].Value.Length; i++)
                {
                    coordinator.SetInitial(AgentGroups.Member(g, i, groups), firsts[g].Value[i]);
                }
            }

            _slices = new WindowSlices(coordinator, model.Horizon.Days, trace);
        }

        return new RunStarted(model.Agents.Count, groups, GrainContext.Address.SiloAddress!);
    }

    public Task<Immutable<RunSpec>> Spec() =>
        Task.FromResult((_spec ?? throw Lost("has no spec")).AsImmutable());

    public async Task<CoordinatorProgress> Advance(TimeSpan budget)
    {
        if (_alone is { } group)
        {
            return await group.AdvanceAlone(budget);
        }

        var slices = _slices ?? throw Lost("was not started");
        return await slices.AdvanceAsync(budget, coordinator => new ValueTask(AdvanceWindowAsync(coordinator)));
    }

    /// <summary>
    /// One call per group with agents due, all groups at once; the answers are applied in agent
    /// order, as the in-process engine applies them. The windows and answers are refilled window
    /// after window (see <see cref="GroupWindow"/>): each group's answer is read here before the group is called again.
    /// </summary>
    private async Task AdvanceWindowAsync(WindowCoordinator coordinator)
    {
        var groups = _groups.Length;
        foreach (var window in _windows)
        {
            window.Start(coordinator.Share);
        }

        for (var i = 0; i < coordinator.DueCount; i++)
        {
            var (agent, until) = coordinator.Due(i);
            _windows[AgentGroups.GroupOf(agent, groups)].Add(agent, until, coordinator.Inbox(i));
        }

        _calls.Clear();
        _called.Clear();
        for (var g = 0; g < groups; g++)
        {
            if (_windows[g].Count > 0)
            {
                _called.Add(g);
                _calls.Add(_groups[g].Advance(_windows[g].AsImmutable()));
            }
        }

        if (_calls.Count == 1)
        {
            _answers[_called[0]] = (await _calls[0]).Value;
        }
        else
        {
            var answers = await Task.WhenAll(_calls);
            for (var k = 0; k < answers.Length; k++)
            {
                _answers[_called[k]] = answers[k].Value;
            }
        }

        Array.Clear(_answered);
        for (var i = 0; i < coordinator.DueCount; i++)
        {
            var agent = coordinator.Due(i).Agent;
            var g = AgentGroups.GroupOf(agent, groups);
            var (answer, k) = (_answers[g], _answered[g]++);
            _slices!.Trace?.Add(answer.Traces[k]);
            coordinator.Apply(agent, answer.Next[k], answer.Events[k], answer.Outboxes[k]);
        }
    }

    /// <summary>A coordinator activated without the state of its run: its silo was lost, and the run must start again.</summary>
    private ReplicationLostException Lost(string what) =>
        new($"The coordinator of run '{this.GetPrimaryKeyString()}' {what} on silo {GrainContext.Address.SiloAddress}; its run was lost with the silo that held it.");

    public async Task Release()
    {
        await Task.WhenAll(_groups.Select(g => g.Release()));
        (_groups, _alone) = ([], null);
        (_windows, _answers) = ([], []);
        _slices = null;
        DeactivateOnIdle();
    }
}
