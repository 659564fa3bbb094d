namespace IsdnSim.Core.Random;

/// <summary>
/// Keys of the random streams. They follow the thing sampled, not the agent that samples it:
/// arrivals by (municipality, process) and efforts by (project, step), where a project is named
/// by its municipality, process and arrival number. A variant that moves a step to another
/// agency, or adds staff, therefore leaves every arrival and every effort as it was: common
/// random numbers for paired comparison.
/// </summary>
public static class StreamKeys
{
    private static readonly ulong ArrivalDomain = StableHash.Of("arrival");
    private static readonly ulong EffortDomain = StableHash.Of("effort");

    /// <summary>The root of one replication of one seed.</summary>
    public static ulong Replication(ulong seed, int replication) =>
        StableHash.Combine(StableHash.Mix(seed), (ulong)replication);

    public static ulong Arrivals(ulong replicationRoot, ulong municipalityHash, ulong processHash) =>
        StableHash.Combine(StableHash.Combine(StableHash.Combine(replicationRoot, ArrivalDomain), municipalityHash), processHash);

    public static ulong Effort(ulong replicationRoot, ulong municipalityHash, ulong processHash, long serial, ulong stepHash) =>
        StableHash.Combine(
            StableHash.Combine(
                StableHash.Combine(StableHash.Combine(StableHash.Combine(replicationRoot, EffortDomain), municipalityHash), processHash),
                (ulong)serial),
            stepHash);
}
