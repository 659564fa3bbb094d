namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// A replication file under replications/&lt;cell&gt;/: the digest and what it is a replication
/// of: the experiment's scenario (its hash), the seed it was computed with (the cell's in a sweep
/// of seeds) and the build of isdnsim that computed it. Written with a checksum
/// (<see cref="SealedJson"/>), so an edited or misplaced file is set aside and computed again.
/// </summary>
public sealed record StoredReplication(int Format, string ScenarioHash, ulong Seed, string Build, ReplicationDigest Digest)
{
    /// <summary>2: the digest inside, with its origin and a checksum. (1, a bare digest, had neither.)</summary>
    public const int CurrentFormat = 2;
}
