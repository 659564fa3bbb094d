using StableHash = IsdnSim.Kernel.Random.StableHash;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace IsdnSim.Grains.Hosting;

/// <summary>
/// Places a replication's coordinator and all its agents on one silo, chosen by a hash of the
/// replication's key, so that a cluster runs replications side by side and an agent's messages
/// never leave its silo. Spreading one replication's agents over silos would make every window
/// a round of network calls; replications are independent, so they are what to spread.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class ReplicationPlacement : PlacementStrategy
{
    public static ReplicationPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ReplicationPlacementAttribute() : PlacementAttribute(ReplicationPlacement.Instance);

public sealed class ReplicationPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s).ToArray();
        var run = RunOf(target.GrainIdentity.Key.ToString()!);
        return Task.FromResult(silos[(int)(StableHash.Of(run) % (ulong)silos.Length)]);
    }

    /// <summary>"run/replication" of a coordinator's key ("run/replication") or an agent's ("run/replication/agent").</summary>
    public static string RunOf(string key)
    {
        var first = key.IndexOf('/');
        var second = first < 0 ? -1 : key.IndexOf('/', first + 1);
        return second < 0 ? key : key[..second];
    }
}
