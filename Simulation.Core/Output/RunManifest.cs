namespace IsdnSim.Core.Output;

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
}
