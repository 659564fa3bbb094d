using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim compare</c>.</summary>
public sealed class CompareSettings : ExperimentSettings
{
    [CommandOption("--variants <LIST>")]
    [Description("Variants to compare, comma-separated (default: all of the scenario's).")]
    public string? Variants { get; init; }

    [CommandOption("--baseline <NAME>")]
    [Description("The variant the others are measured against (default: the first).")]
    public string? Baseline { get; init; }

    [CommandOption("--precision <P>")]
    [Description("Add replications in rounds until the half-width of every difference in mean lead time and throughput (its 95 % interval, Bonferroni-adjusted with more than two variants) is at most P times the baseline's mean, e.g. 0.05.")]
    public double? Precision { get; init; }

    [CommandOption("--max-replications <N>")]
    [Description("With --precision: stop at this many replications even if the target is not reached (default 100).")]
    public int? MaxReplications { get; init; }

    protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
    [
        .. base.PlanOptions, ("--variants", Variants is not null), ("--baseline", Baseline is not null),
        ("--precision", Precision is not null), ("--max-replications", MaxReplications is not null),
    ];

    public override ValidationResult Validate() =>
        CompareRequest.OptionProblem(Precision, MaxReplications) is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
