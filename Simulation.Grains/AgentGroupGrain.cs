using IsdnSim.Grains.Hosting;
using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace IsdnSim.Grains;

/// <summary>
/// Thin: holds some agents' <see cref="AgentRuntime"/>s and forwards to them, one after the other.
/// A group lives on the silo of its replication's coordinator (<see cref="ReplicationPlacement"/>);
/// replications spread over the silos. Once closed, its results wait in the silo's
/// <see cref="RecordHandover"/> for an engine in the same process; an engine elsewhere reads the
/// records page by page instead.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
[ReplicationPlacement]
public sealed class AgentGroupGrain(LocalSilo silo, IOptions<AgentGroupOptions> grouping) : Grain, IAgentGroupGrain
{
    private readonly GroupAnswer _answer = new();
    private AgentRuntime[]? _agents;
    private SoleGroupRun? _alone;
    private AgentResult[]? _results;
    private ProjectRecord[] _projectPage = [];
    private StepRecord[] _stepPage = [];
    private int _group;
    private int _groups;

    public async Task<Immutable<double[]>> Initialize(string specKey, int replication, int group, int groups, bool trace, int windowThreads)
    {
        var coordinator = GrainFactory.GetGrain<IRunCoordinatorGrain>(RunCoordinatorGrain.CoordinatorKey(this.GetPrimaryKeyString()));
        var (spec, model) = await silo.Models.GetAsync(specKey, async () => (await coordinator.Spec()).Value);
        var options = trace ? spec.Options with { Trace = true } : spec.Options;
        if (groups == 1)
        {
            // All the replication's agents are here: the windows run here too (AdvanceAlone), without a call each,
            // a large window's agents spread over the threads as the in-process engine spreads them.
            var calls = WindowCalls.Create(model, replication, options, Math.Max(1, windowThreads), grouping.Value.SpreadFromDueAgents, grouping.Value.SpreadFromEvents);
            var soleFirsts = FirstEvents(calls.Agents);
            (_agents, _group, _groups) = (calls.Agents, group, groups);
            _alone = new SoleGroupRun(model, spec.MaxEventsPerWindow, calls, soleFirsts, trace);
            return soleFirsts.AsImmutable();
        }

        // One outbox for the group's agents: Advance copies each call's messages into the answer before the next call.
        var outbox = new Outbox();
        var agents = new AgentRuntime[AgentGroups.Size(group, groups, model.Agents.Count)];
        for (var i = 0; i < agents.Length; i++)
        {
            agents[i] = new AgentRuntime(model, AgentGroups.Member(group, i, groups), replication, options, outbox);
        }

        (_agents, _group, _groups) = (agents, group, groups);
        return FirstEvents(agents).AsImmutable();
    }

    private static double[] FirstEvents(AgentRuntime[] agents)
    {
        var firsts = new double[agents.Length];
        for (var i = 0; i < agents.Length; i++)
        {
            firsts[i] = agents[i].Initialize();
        }

        return firsts;
    }

    /// <summary>
    /// Each agent's outbox is lent by the agent and copied straight into the answer, which this group
    /// reuses call after call: the coordinator reads it before it calls again (<see cref="IAgentGroupGrain.Advance"/>).
    /// </summary>
    public Task<Immutable<GroupAnswer>> Advance(Immutable<GroupWindow> window)
    {
        var (calls, answer) = (window.Value, _answer);
        answer.Clear();
        for (var i = 0; i < calls.Count; i++)
        {
            var agent = Agent(calls.Agents[i]);
            var events = agent.Advance(calls.Until[i], calls.Inboxes[i], calls.MaxEvents, out var next, out var outbox);
            answer.Add(next, events, outbox, agent.DrainTrace());
        }

        return Task.FromResult(answer.AsImmutable());
    }

    /// <summary>
    /// A spread window's calls go to the helper threads of <see cref="WindowCalls"/>' team (threads of
    /// its own, not the grain's scheduler), and the grain's thread takes its share;
    /// the grain's turn ends when the slice does, so no other call of this grain runs meanwhile.
    /// </summary>
    public Task<CoordinatorProgress> AdvanceAlone(TimeSpan budget) =>
        (_alone ?? throw Lost("was not initialised as its replication's only group")).AdvanceAsync(budget).AsTask();

    public Task<Immutable<AgentClosing[]>> Close(double horizon)
    {
        var agents = _agents ?? throw Lost("was not initialised");
        // A replication's only group closes its agents on the window threads, as in-process.
        _results = _alone?.Close(horizon) ?? [.. agents.Select(a => a.Close(horizon))];
        silo.Records.Offer(this.GetPrimaryKeyString(), _results);
        return Task.FromResult(_results.Select(r => new AgentClosing(r.Agencies, r.Arrivals, checked((int)r.Finished.Count), checked((int)r.Steps.Count), r.Events, r.Tallies)).ToArray().AsImmutable());
    }

    public Task<Immutable<ProjectRecord[]>> Projects(int agent, int offset, int count) => Task.FromResult(Page(Result(agent).Finished, ref _projectPage, offset, count).AsImmutable());

    public Task<Immutable<StepRecord[]>> Steps(int agent, int offset, int count) => Task.FromResult(Page(Result(agent).Steps, ref _stepPage, offset, count).AsImmutable());

    public Task Release()
    {
        DisposeUntaken();
        _projectPage = [];
        _stepPage = [];
        _agents = null;
        _alone = null;
        _results = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Deactivated without a release (the silo shutting down): what no engine took is let go all the same.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        DisposeUntaken();
        return Task.CompletedTask;
    }

    /// <summary>Disposes the group's results unless an engine in this process took them, which then owns them.</summary>
    private void DisposeUntaken()
    {
        if (silo.Records.TryTake(this.GetPrimaryKeyString(), out var untaken))
        {
            foreach (var result in untaken)
            {
                result.Dispose();
            }
        }
    }

    private AgentRuntime Agent(int agent) => (_agents ?? throw Lost("was not initialised"))[Index(agent)];

    private AgentResult Result(int agent) => (_results ?? throw Lost("was not closed"))[Index(agent)];

    private int Index(int agent) => AgentGroups.GroupOf(agent, _groups) == _group
        ? AgentGroups.IndexOf(agent, _groups)
        : throw new ArgumentOutOfRangeException(nameof(agent), agent, $"Agent {agent} is not in group {_group} of {_groups}.");

    /// <summary>A group activated without its state: the silo that held it was lost, and its run must start again.</summary>
    private ReplicationLostException Lost(string what) =>
        new($"The agent group '{this.GetPrimaryKeyString()}' {what} on silo {GrainContext.Address.SiloAddress}; its run was lost with the silo that held it.");

    /// <summary>
    /// A page of records, for an engine on another silo than the group's (one beside it takes the
    /// spools through the <see cref="RecordHandover"/>). A full page reuses one array: the engine
    /// asks for the pages one after the other and copies each into its own spool before it asks
    /// for the next, and a page is copied only when the call leaves the silo, so a long run's
    /// pages make no garbage here (which, on machines with a large cache, lets the heap grow far
    /// before a collection). Only a last, shorter page is a new array.
    /// </summary>
    private static T[] Page<T>(RecordSpool<T> all, ref T[] reused, int offset, int count)
        where T : unmanaged
    {
        var n = (int)Math.Max(0, Math.Min(count, all.Count - offset));
        var page = n == count ? (reused.Length == count ? reused : reused = new T[count]) : new T[n];
        all.Read(offset, page);
        return page;
    }
}
