using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim calibrate</c>.</summary>
public sealed class CalibrateSettings : ExperimentSettings, IUncertainOption
{
    public const int DefaultSamples = 64;
    public const double DefaultAccept = 0.1;

    /// <summary>At most this many runs (points × replications), so a typo cannot ask for a million.</summary>
    public const long MaxRuns = 200_000;

    [CommandOption("--observed <FILE>")]
    [Description("Observed data to fit: CSV with the columns process, region, statistic, value, unit, source (e.g. data/observed/rural-district.csv; see docs/experiments.md, check).")]
    public string? Observed { get; init; }

    [CommandOption(UncertainOption.Template)]
    [Description(UncertainOption.Description)]
    public string? Uncertain { get; init; }

    [CommandOption("--samples <N>")]
    [Description("Worlds sampled from the ranges (points of the Sobol' sequence; a power of two spreads every parameter evenly). Default: 64.")]
    public int? Samples { get; init; }

    [CommandOption("--accept <FRACTION>")]
    [Description("The share of the sampled worlds ABC accepts, closest first, among those history matching does not rule out. Default: 0.1.")]
    public double? Accept { get; init; }

    [CommandOption("--variant <NAME>")]
    [Description("Calibrate this variant of the scenario (the observed data describe the present: the status quo). Default: the scenario as written.")]
    public string? Variant { get; init; }

    protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
    [
        .. base.PlanOptions, ("--observed", Observed is not null), ("--uncertain", Uncertain is not null), ("--samples", Samples is not null),
        ("--accept", Accept is not null), ("--variant", Variant is not null),
    ];

    public override ValidationResult Validate()
    {
        if (Resume is null && string.IsNullOrEmpty(Observed))
        {
            return ValidationResult.Error("--observed FILE is required: the observed data to calibrate the scenario against, e.g. data/observed/rural-district.csv");
        }

        if (Samples is < 2)
        {
            return ValidationResult.Error($"--samples must be at least 2, found {Samples}");
        }

        if (Accept is { } a && !(a > 0 && a <= 1))
        {
            return ValidationResult.Error($"--accept must be a fraction above 0 and at most 1, found {a.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return base.Validate();
    }
}
