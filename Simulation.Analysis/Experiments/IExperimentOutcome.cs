namespace IsdnSim.Analysis.Experiments;

/// <summary>What every finished experiment has, whatever its design: its replications, and how many this run computed.</summary>
public interface IExperimentOutcome
{
    /// <summary>Every replication of every cell in the result, by cell.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<ReplicationDigest>> Digests { get; }

    /// <summary>Replications of every cell in the result.</summary>
    int Replications { get; }

    /// <summary>Replications this call computed (the rest came from the store).</summary>
    int Computed { get; }

    /// <summary>With a precision target: whether it was reached before the cap; null without one.</summary>
    bool? PrecisionReached { get; }
}
