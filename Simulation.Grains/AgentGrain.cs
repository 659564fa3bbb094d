using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using Orleans.Concurrency;
using IsdnSim.Grains.Hosting;

namespace IsdnSim.Grains;

/// <summary>
/// Thin: holds an <see cref="AgentRuntime"/> and forwards to it. An agent lives on the silo of
/// its replication's coordinator (<see cref="ReplicationPlacement"/>); replications spread over the silos.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
[ReplicationPlacement]
public sealed class AgentGrain(ModelCache models) : Grain, IAgentGrain
{
    private AgentRuntime? _agent;
    private AgentResult? _result;
    private ProjectRecord[] _projectPage = [];
    private StepRecord[] _stepPage = [];

    public async Task<double> Initialize(string specKey, int replication, int agent, bool trace)
    {
        var coordinator = GrainFactory.GetGrain<IRunCoordinatorGrain>(RunCoordinatorGrain.CoordinatorKey(this.GetPrimaryKeyString()));
        var (spec, model) = await models.GetAsync(specKey, async () => (await coordinator.Spec()).Value);
        _agent = new AgentRuntime(model, agent, replication, trace ? spec.Options with { Trace = true } : spec.Options);
        return _agent.Initialize();
    }

    public Task<Immutable<AdvanceResult>> Advance(double until, Immutable<Message[]> inbox, long maxEvents) =>
        Task.FromResult(Agent.Advance(until, inbox.Value, maxEvents).AsImmutable());

    public Task<AgentClosing> Close(double horizon)
    {
        _result = Agent.Close(horizon);
        return Task.FromResult(new AgentClosing(_result.Agencies, _result.Arrivals, checked((int)_result.Finished.Count), checked((int)_result.Steps.Count), _result.Events, _result.Tallies));
    }

    public Task<Immutable<ProjectRecord[]>> Projects(int offset, int count) => Task.FromResult(Page(Result.Finished, ref _projectPage, offset, count).AsImmutable());

    public Task<Immutable<StepRecord[]>> Steps(int offset, int count) => Task.FromResult(Page(Result.Steps, ref _stepPage, offset, count).AsImmutable());

    public Task Release()
    {
        _result?.Dispose();
        _projectPage = [];
        _stepPage = [];
        _agent = null;
        _result = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private AgentRuntime Agent => _agent ?? throw Lost("was not initialised");

    private AgentResult Result => _result ?? throw Lost("was not closed");

    /// <summary>An agent activated without its state: the silo that held it was lost, and its run must start again.</summary>
    private ReplicationLostException Lost(string what) =>
        new($"The agent '{this.GetPrimaryKeyString()}' {what} on silo {GrainContext.Address.SiloAddress}; its run was lost with the silo that held it.");

    /// <summary>
    /// A page of records. A full page reuses one array: the engine asks for the pages one after
    /// the other and copies each into its own spool before it asks for the next, and on the
    /// silo of the engine (the embedded one) an immutable page is passed by reference, so a long
    /// run's pages make no garbage (which, on machines with a large cache, lets the heap grow
    /// far before a collection). Only a last, shorter page is a new array.
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
