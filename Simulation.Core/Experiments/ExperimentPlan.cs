namespace IsdnSim.Core.Experiments;

/// <summary>
/// What an experiment is, as written to experiment.json when it starts: enough, with the copy of
/// the scenario beside it, to finish it after an interruption and to reproduce it later.
/// </summary>
public sealed record ExperimentPlan
{
    public const string CompareKind = "compare";
    public const string SweepKind = "sweep";

    public int Format { get; init; } = 1;

    public required string Kind { get; init; }

    /// <summary>The scenario file as given on the command line; its text is stored beside the plan.</summary>
    public required string ScenarioFile { get; init; }

    public required string ScenarioHash { get; init; }

    public ulong? Seed { get; init; }

    public double? HorizonDays { get; init; }

    public double? WarmupDays { get; init; }

    /// <summary>Compare: the variants, in the order given. Sweep: the one variant applied at every point, or none.</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Compare: the variant the others are measured against.</summary>
    public string? Baseline { get; init; }

    /// <summary>Replications of every cell; with <see cref="Precision"/>, those of the first round.</summary>
    public required int Replications { get; init; }

    /// <summary>Target half-width of the key differences, relative to the baseline's mean; null for a fixed number of replications.</summary>
    public double? Precision { get; init; }

    /// <summary>With <see cref="Precision"/>: the most replications it may take.</summary>
    public int MaxReplications { get; init; }

    /// <summary>Sweep: the parameters and their values; the grid is their product, the first varying slowest.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    public required string ProgramVersion { get; init; }
}

/// <summary>A value of the scenario file set to each of <see cref="Values"/> in turn.</summary>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values);
