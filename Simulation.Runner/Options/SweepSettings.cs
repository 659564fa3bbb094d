using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim sweep</c>.</summary>
public sealed class SweepSettings : ExperimentSettings
{
    [CommandOption("--set <PATH=VALUES>")]
    [Description("A value of the file and its values: PATH=FROM..TO:STEP (e.g. agents.lk-havelheide.agencies.building.staff=10..20:5; with a unit of any kind: 5wd..15wd:5wd, 0.25/day..0.5/day:0.25/day) or PATH=A,B,C. Repeat for a grid.")]
    public string[] Set { get; init; } = [];

    [CommandOption("--variant <NAME>")]
    [Description("Apply this reform variant at every point.")]
    public string? Variant { get; init; }

    [CommandOption("--variants <LIST>")]
    [Description("Run these variants at every point (comma-separated, at least two; the first is the baseline) with common random numbers, and report each one's paired difference to the baseline per point, as compare does.")]
    public string? Variants { get; init; }

    /// <summary>The variants of --variants, in the order given; empty without the option.</summary>
    public IReadOnlyList<string> VariantList => Variants?.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList() ?? [];

    protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
        [.. base.PlanOptions, ("--set", Set.Length > 0), ("--variant", Variant is not null), ("--variants", Variants is not null)];

    public override ValidationResult Validate() =>
        Resume is null && SweepRequest.OptionProblem(Set) is { } problem ? ValidationResult.Error(problem) : base.Validate();
}
