using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim sensitivity</c>.</summary>
public sealed class SensitivitySettings : ExperimentSettings, IUncertainOption
{
    [CommandOption(UncertainOption.Template)]
    [Description(UncertainOption.Description)]
    public string? Uncertain { get; init; }

    [CommandOption("--variants <LIST>")]
    [Description("Variants run at every design point (comma-separated, the first is the baseline), with common random numbers; each other variant's paired difference to the baseline is analysed too. Default: the scenario's first variant alone.")]
    public string? Variants { get; init; }

    [CommandOption("--method <METHOD>")]
    [Description("sobol (Saltelli's scheme: first-order and total Sobol' indices) or morris (elementary effects mu*, sigma: screening many parameters cheaply).")]
    [DefaultValue(DesignSpec.Sobol)]
    public string Method { get; init; } = DesignSpec.Sobol;

    [CommandOption("--samples <N>")]
    [Description("sobol: base samples N, the design has N (k + 2) points for k parameters (default 64); morris: trajectories r, r (k + 1) points (default 10).")]
    public int? Samples { get; init; }

    [CommandOption("--levels <P>")]
    [Description("morris: levels of each parameter's grid, an even number (default 4).")]
    [DefaultValue(4)]
    public int Levels { get; init; } = 4;

    [CommandOption("--from-posterior <DIR>")]
    [Description("Run every variant at the worlds the calibration in DIR accepted (isdnsim calibrate's folder, for this very scenario file) instead of a design over the prior ranges: the robustness figures are then for worlds that agree with the observed data. Takes no --method, --samples or --uncertain (the ranges are the calibration's); gives no indices.")]
    public string? FromPosterior { get; init; }

    [CommandOption("--metrics <LIST>")]
    [Description("Metrics to analyse, named as in comparison.csv, comma-separated, e.g. lead_time_mean,lead_time_mean:building-application (default: lead_time_mean,lead_time_p90,finished_share).")]
    public string? Metrics { get; init; }

    /// <summary>The variants of --variants, in the order given; null without the option.</summary>
    public IReadOnlyList<string>? VariantList => Variants?.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    /// <summary>The metrics of --metrics, in the order given; null without the option.</summary>
    public IReadOnlyList<string>? MetricList => Metrics?.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

    protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
    [
        .. base.PlanOptions, ("--uncertain", Uncertain is not null), ("--variants", Variants is not null), ("--samples", Samples is not null),
        ("--metrics", Metrics is not null), ("--method", Method != DesignSpec.Sobol), ("--levels", Levels != 4), ("--from-posterior", FromPosterior is not null),
    ];

    public override ValidationResult Validate() => Resume is not null ? base.Validate()
        : FromPosterior is not null && (Samples is not null || Method != DesignSpec.Sobol || Uncertain is not null || Levels != 4)
            ? ValidationResult.Error("--from-posterior runs the worlds the calibration accepted, over the ranges it sampled: it takes no --method, --samples, --levels or --uncertain")
        : SensitivityRequest.OptionProblem(Method, Samples, Levels) is { } problem ? ValidationResult.Error(problem)
        : base.Validate();
}
