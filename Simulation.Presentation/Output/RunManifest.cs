namespace IsdnSim.Presentation.Output;

/// <summary>What a result folder was made from, so it can be reproduced. <see cref="WallSeconds"/> is the simulation, without writing the files.</summary>
public sealed record RunManifest(
    string ScenarioFile,
    string ScenarioName,
    string ScenarioHash,
    string? Variant,
    ulong Seed,
    int Replications,
    double HorizonDays,
    string Engine,
    int Silos,
    string ProgramVersion,
    DateTimeOffset CreatedUtc,
    long Events,
    long Windows,
    double WallSeconds)
{
    public double WarmupDays { get; init; }

    /// <summary>Replications asked for, when fewer are in the folder (the run was interrupted or failed); null when all are.</summary>
    public int? RequestedReplications { get; init; }

    /// <summary>Why the run stopped early ("SIGINT", "SIGTERM", or the failure), or null if it finished.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>The command that gives this folder's files again, to the byte.</summary>
    public string? Reproduce { get; init; }

    /// <summary>Silos that left the cluster during the run, and the replications run again because of it.</summary>
    public int SilosLost { get; init; }

    /// <inheritdoc cref="SilosLost"/>
    public int ReplicationsRerun { get; init; }
}
