using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim sweep</c>.</summary>
public sealed class SweepSettings : ExperimentSettings
{
    [CommandOption("--set <PATH=VALUES>")]
    [Description("A value of the file and its values: PATH=FROM..TO:STEP (e.g. agents.lk-havelheide.agencies.building.staff=10..20:5, units allowed: 5wd..15wd:5wd) or PATH=A,B,C. Repeat for a grid.")]
    public string[] Set { get; init; } = [];

    [CommandOption("--variant <NAME>")]
    [Description("Apply this reform variant at every point.")]
    public string? Variant { get; init; }

    protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
        [.. base.PlanOptions, ("--set", Set.Length > 0), ("--variant", Variant is not null)];

    public override ValidationResult Validate() =>
        Resume is null && SweepRequest.OptionProblem(Set) is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
