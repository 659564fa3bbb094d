using IsdnSim.Analysis.Engine;
using IsdnSim.Grains.Hosting;
using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;
using Orleans.Concurrency;
using Orleans.Runtime.Messaging;

namespace IsdnSim.Grains;

/// <summary>
/// Runs a replication on an Orleans cluster (an embedded silo or several): a coordinator grain
/// and a few agent group grains (<see cref="AgentGroups"/>) drive the same kernel code as the in-process engine. With a
/// <see cref="ClusterWatch"/>, a replication whose silo leaves the cluster is run again from the
/// start on the silos that remain; being a pure function of its inputs, it gives the same bytes.
/// </summary>
public sealed class OrleansEngine(IGrainFactory grains, LocalSilo? localSilo = null, ClusterWatch? watch = null) : ISimulationEngine
{
    private const int PageSize = 4096;

    /// <summary>Attempts per replication before a lost silo fails the batch: enough for several silos lost one after another.</summary>
    public const int MaxAttempts = 5;

    private int _rerun;
    private int _handedOver;

    public string Name => "orleans";

    /// <summary>Wall time per coordinator call; also how often progress is reported.</summary>
    public TimeSpan Slice { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Called when a replication was lost with its silo and starts again: (replication, why).</summary>
    public Action<int, string>? Rerunning { get; init; }

    /// <summary>Replications that had to start again because a silo was lost.</summary>
    public int Rerun => Volatile.Read(ref _rerun);

    /// <summary>Agent groups whose records were handed over by the silo in this process instead of read page by page (for tests and measurements).</summary>
    public int HandedOver => Volatile.Read(ref _handedOver);

    public async Task<ReplicationResult> RunReplicationAsync(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken,
        ITraceSink? trace = null)
    {
        localSilo?.Models.Prime(spec, model);

        // A rerun writes the same trace events again; those the lost attempt wrote are skipped.
        var skipping = trace is null ? null : new SkippingSink(trace);
        for (var attempt = 1; ; attempt++)
        {
            var anyLoss = watch?.AnyLoss;
            try
            {
                return await RunOnceAsync(spec, model, replication, progress, cancellationToken, skipping);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && attempt < MaxAttempts
                                      && (IsLoss(e) || (e is TimeoutException && anyLoss is { IsCancellationRequested: true })))
            {
                Interlocked.Increment(ref _rerun);
                Rerunning?.Invoke(replication, Describe(e));
                skipping?.Restart();
                await UntilMembershipKnowsAsync(anyLoss, cancellationToken);
            }
        }
    }

    /// <summary>Longest wait for membership to declare a silo dead that no longer answers (probes of 2 s, three missed, then the vote).</summary>
    public static readonly TimeSpan MembershipGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A call that failed by itself (a silo that refuses connections) may beat membership to the
    /// news, and placement would pick the dead silo again: wait until a silo has left the active set
    /// since the attempt began (at once if one has), or <see cref="MembershipGrace"/>.
    /// </summary>
    private static async Task UntilMembershipKnowsAsync(CancellationToken? anyLoss, CancellationToken cancellationToken)
    {
        if (anyLoss is not { } loss)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(loss, cancellationToken);
        try
        {
            await Task.Delay(MembershipGrace, either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Failures that mean the replication's grains are gone, not that the simulation is wrong.</summary>
    private static bool IsLoss(Exception e) => e switch
    {
        ReplicationLostException or SiloUnavailableException or ConnectionFailedException or OrleansMessageRejectionException => true,
        AggregateException a => a.InnerExceptions.All(IsLoss),
        _ => false,
    };

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        var message = inner.Message.Split('\n')[0];
        var retry = message.IndexOf(", will retry", StringComparison.Ordinal);
        return (retry > 0 ? message[..retry] : message).TrimEnd('.', '\r');
    }

    private async Task<ReplicationResult> RunOnceAsync(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken,
        ITraceSink? trace)
    {
        var coordinatorKey = $"{Guid.NewGuid():N}/{replication}";
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(coordinatorKey);
        var released = false;
        try
        {
            // Until the coordinator says where it is, any silo lost may have been its.
            var started = await Guard(coordinator.Start(spec.AsImmutable(), replication, trace is not null), watch?.AnyLoss, null, cancellationToken);
            var silo = watch?.Lost(started.Silo);
            CoordinatorProgress state;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                state = await Guard(coordinator.Advance(Slice), silo, started.Silo, cancellationToken);
                trace?.Write(state.Trace);
                progress?.Report(new ReplicationProgress(replication, state.Now, state.Horizon, state.Events));
            }
            while (!state.Done);

            var results = new AgentResult[started.Agents];
            var collected = await Guard(Task.WhenAll(Enumerable.Range(0, started.Groups).Select(g => CollectAsync(coordinatorKey, g, started.Groups, model.Horizon.Days))), silo, started.Silo, cancellationToken);
            foreach (var r in collected.SelectMany(group => group))
            {
                results[r.Agent] = r;
            }

            var result = ReplicationResult.Assemble(replication, model.Horizon.Days, results, state.Windows);

            // Awaited, so the grains' records are let go before the next replication makes its own;
            // bounded, so a silo lost just now cannot hold up a result that is complete.
            released = true;
            await coordinator.Release().WaitAsync(ReleaseTimeout, cancellationToken).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return result;
        }
        finally
        {
            if (!released)
            {
                // Interrupted or lost: in the background; a lost silo's grains are gone anyway.
                _ = coordinator.Release().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// How long a call may go unanswered once some silo has left the cluster. A silo's loss also
    /// takes its share of the grain directory, and a call on a surviving silo can then wait for a
    /// response timeout (2 min); starting the replication again is quicker and gives the same bytes.
    /// </summary>
    public static readonly TimeSpan StallAfterLoss = TimeSpan.FromSeconds(15);

    /// <summary>How long a finished replication waits for its grains to be released.</summary>
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Awaits a call, or stops waiting with a <see cref="ReplicationLostException"/> when the silo it
    /// runs on is lost, or when another silo was lost and the call has not answered <see cref="StallAfterLoss"/> later;
    /// or with cancellation when the run is interrupted.
    /// </summary>
    private async Task<T> Guard<T>(Task<T> call, CancellationToken? lost, SiloAddress? silo, CancellationToken cancellationToken)
    {
        if (lost is not { } token || watch is null)
        {
            return await call.WaitAsync(cancellationToken);
        }

        using var stalled = new CancellationTokenSource();
        using var onLoss = watch.AnyLoss.Register(() => stalled.CancelAfter(StallAfterLoss));
        using var any = CancellationTokenSource.CreateLinkedTokenSource(token, stalled.Token, cancellationToken);
        try
        {
            return await call.WaitAsync(any.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _ = call.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw new ReplicationLostException(
                !token.IsCancellationRequested ? $"no answer {StallAfterLoss.TotalSeconds:0} s after a silo left the cluster"
                : silo is null ? "a silo left the cluster while the replication started on it"
                : $"silo {silo} left the cluster");
        }
    }

    private async Task<AgentResult[]> CollectAsync(string coordinatorKey, int group, int groups, double horizon)
    {
        var key = RunCoordinatorGrain.GroupKey(coordinatorKey, group);
        var grain = grains.GetGrain<IAgentGroupGrain>(key);
        var closings = (await grain.Close(horizon)).Value;

        // A group on the silo in this process hands over its spools; only one elsewhere is read page by page.
        if (localSilo is not null && localSilo.Records.TryTake(key, out var local))
        {
            Interlocked.Increment(ref _handedOver);
            return local;
        }

        var results = new AgentResult[closings.Length];
        for (var i = 0; i < closings.Length; i++)
        {
            var (agent, closing) = (AgentGroups.Member(group, i, groups), closings[i]);
            var projects = await FetchAsync(closing.Projects, async (o, c) => (await grain.Projects(agent, o, c)).Value);
            var steps = await FetchAsync(closing.Steps, async (o, c) => (await grain.Steps(agent, o, c)).Value);
            results[i] = new AgentResult(agent, closing.Agencies, closing.Arrivals, projects, steps, closing.Events, closing.Tallies);
        }

        return results;
    }

    /// <summary>Copies an agent's records page by page into a spool of the engine's own, so they never all sit in memory at once.</summary>
    private static async Task<RecordSpool<T>> FetchAsync<T>(int total, Func<int, int, Task<T[]>> page)
        where T : unmanaged
    {
        var spool = new RecordSpool<T>();
        for (var offset = 0; offset < total; offset += PageSize)
        {
            foreach (var record in await page(offset, PageSize))
            {
                spool.Add(record);
            }
        }

        return spool;
    }

    /// <summary>
    /// Passes trace events on, except as many as were passed on before the last <see cref="Restart"/>:
    /// a rerun produces the same events in the same order, and the sink already has those.
    /// </summary>
    private sealed class SkippingSink(ITraceSink inner) : ITraceSink
    {
        private long _written;
        private long _seen;

        public void Restart() => _seen = 0;

        public void Write(ReadOnlySpan<TraceEvent> events)
        {
            var skip = (int)Math.Clamp(_written - _seen, 0, events.Length);
            _seen += events.Length;
            if (skip < events.Length)
            {
                inner.Write(events[skip..]);
                _written += events.Length - skip;
            }
        }
    }
}
