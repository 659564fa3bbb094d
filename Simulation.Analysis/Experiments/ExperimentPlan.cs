using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// What an experiment is, as written to experiment.json when it starts: enough, with the copy of
/// the scenario beside it, to finish it after an interruption and to reproduce it later.
/// </summary>
public sealed record ExperimentPlan
{
    public const string CompareKind = "compare";
    public const string SweepKind = "sweep";
    public const string SensitivityKind = "sensitivity";
    public const string CalibrateKind = "calibrate";

    public int Format { get; init; } = 1;

    public required string Kind { get; init; }

    /// <summary>The scenario file as given on the command line; its text is stored beside the plan.</summary>
    public required string ScenarioFile { get; init; }

    public required string ScenarioHash { get; init; }

    public ulong? Seed { get; init; }

    public double? HorizonDays { get; init; }

    public double? WarmupDays { get; init; }

    /// <summary>
    /// Compare: the variants, in the order given. Sweep: the one variant applied at every point, or
    /// none; or the variants compared at every point (two or more, the first the <see cref="Baseline"/>).
    /// </summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Compare, and a sweep that compares variants: the variant the others are measured against.</summary>
    public string? Baseline { get; init; }

    /// <summary>Replications of every cell; with <see cref="Precision"/>, those of the first round.</summary>
    public required int Replications { get; init; }

    /// <summary>Target half-width of the key differences, relative to the baseline's mean; null for a fixed number of replications.</summary>
    public double? Precision { get; init; }

    /// <summary>With <see cref="Precision"/>: the most replications it may take.</summary>
    public int MaxReplications { get; init; }

    /// <summary>Sweep: the parameters and their values; the grid is their product, the first varying slowest.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    /// <summary>Sensitivity: the design over the scenario's uncertain parameters.</summary>
    public DesignSpec? Design { get; init; }

    /// <summary>Calibrate: the design over the uncertain parameters and the observed data it fits.</summary>
    public CalibrationSpec? Calibration { get; init; }

    public required string ProgramVersion { get; init; }

    /// <summary>The build of IsdnSim that started the experiment (<see cref="Storage.ProgramVersion.Build"/>): resuming with another is worth a warning.</summary>
    public string? Build { get; init; }

    /// <summary>The headline metrics' keys, in order, as the stored replications hold them.</summary>
    public IReadOnlyList<string> MetricKeys { get; init; } = [];

    /// <summary>A new plan of <paramref name="kind"/> over <paramref name="scenario"/> with the command line's overrides, in this version.</summary>
    public static ExperimentPlan New(string kind, LoadedScenario scenario, ScenarioOverrides overrides, int replications) => new()
    {
        Kind = kind,
        ScenarioFile = scenario.File,
        ScenarioHash = scenario.Hash,
        Seed = overrides.Seed,
        HorizonDays = overrides.HorizonDays,
        WarmupDays = overrides.WarmupDays,
        Replications = replications,
        MaxReplications = replications,
        ProgramVersion = Storage.ProgramVersion.Text,
    };

    /// <summary>
    /// The plan with this build and these metrics written in; if the plan has metrics already (a
    /// resumed experiment), they must be the same, or the stored replications would not fit.
    /// </summary>
    public ExperimentPlan Stamped(IReadOnlyList<MetricDefinition> metrics)
    {
        var keys = metrics.Select(m => m.Key).ToList();
        if (MetricKeys.Count > 0 && !MetricKeys.SequenceEqual(keys))
        {
            throw new InvalidDataException(
                $"this experiment's replications hold the metrics {string.Join(", ", MetricKeys)}, but this version of isdnsim measures {string.Join(", ", keys)}; start a new experiment");
        }

        return this with { Build = Build ?? Storage.ProgramVersion.Build, MetricKeys = keys };
    }
}

/// <summary>A comparison or a sweep, prepared from its plan.</summary>
public interface IExperiment
{
    ExperimentPlan Plan { get; }

    /// <summary>Its cells (variants or points), each with the seed its replications run with.</summary>
    IReadOnlyList<ExperimentCell> Cells { get; }
}

/// <summary>
/// A design over uncertain parameters: the method (<see cref="Sobol"/>: Saltelli's scheme for
/// Sobol' indices, <see cref="Morris"/>: elementary effects), its size (base samples or
/// trajectories), Morris's levels and seed, the parameters in order (their paths as written under
/// <c>uncertain:</c>), the metrics to analyse, and the --uncertain file the ranges came from (its
/// text kept here, so a resumed experiment uses the same ranges).
/// </summary>
public sealed record DesignSpec(
    string Method,
    int Samples,
    int Levels,
    ulong Seed,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<string> Metrics,
    string? UncertainFile = null,
    string? UncertainText = null,
    IReadOnlyList<int>? Worlds = null,
    string? PosteriorFrom = null)
{
    public const string Sobol = "sobol";
    public const string Morris = "morris";

    /// <summary>
    /// The worlds a calibration accepted (<see cref="PosteriorSample"/>): <see cref="Samples"/> is the
    /// size of the calibration's Sobol' sample, <see cref="Worlds"/> the points of it that were
    /// accepted, closest first, and <see cref="PosteriorFrom"/> the calibration's folder.
    /// </summary>
    public const string Posterior = "posterior";
}

/// <summary>
/// A calibration: <see cref="Samples"/> points of the Sobol' sequence over the uncertain
/// parameters (their paths in order), the fraction of them ABC accepts, the observed-data file
/// (its text kept, so a resumed calibration fits the same data) and the --uncertain file the
/// ranges came from (its text kept likewise).
/// </summary>
public sealed record CalibrationSpec(
    int Samples,
    double Accept,
    IReadOnlyList<string> Parameters,
    string ObservedFile,
    string ObservedText,
    string? UncertainFile = null,
    string? UncertainText = null);

/// <summary>A value of the scenario file set to each of <see cref="Values"/> in turn.</summary>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values);
