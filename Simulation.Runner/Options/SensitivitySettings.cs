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
        ("--metrics", Metrics is not null), ("--method", Method != DesignSpec.Sobol), ("--levels", Levels != 4),
    ];

    public override ValidationResult Validate() =>
        Resume is null && SensitivityRequest.OptionProblem(Method, Samples, Levels) is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
