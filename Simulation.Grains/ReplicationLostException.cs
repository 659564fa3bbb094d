namespace IsdnSim.Grains;

/// <summary>
/// A replication's state is gone: its silo left the cluster, or a grain of it was activated
/// afresh on another silo without the state it had. A replication is a pure function of its
/// inputs, so the engine runs it again from the start.
/// </summary>
[GenerateSerializer, Alias("IsdnSim.ReplicationLostException")]
public sealed class ReplicationLostException : Exception
{
    public ReplicationLostException()
    {
    }

    public ReplicationLostException(string message)
        : base(message)
    {
    }

    public ReplicationLostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
