using System.ComponentModel;
using IsdnSim.Kernel.Definitions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>Options shared by compare and sweep: a new experiment from a scenario file, or --resume of an interrupted one.</summary>
public class ExperimentSettings : ScenarioOptions
{
    [CommandArgument(0, "[FILE]")]
    [Description("Scenario file (YAML, format 1; see docs/scenario-format.md). Not with --resume.")]
    public string? File { get; init; }

    [CommandOption("-r|--replications <N>")]
    [Description("Replications of every variant or point (default: the scenario's own).")]
    public int? Replications { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Experiment folder; must not exist or be empty. Default: results/<scenario>-<command>-<date>-<time>.")]
    public string? Out { get; init; }

    [CommandOption("--resume <DIR>")]
    [Description("Continue the interrupted experiment in DIR: replications already there are not computed again.")]
    public string? Resume { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Replications run at the same time (default: one per core in-process, two per core and silo on Orleans).")]
    public int? Parallel { get; init; }

    [CommandOption("--no-progress")]
    [Description("Do not show a progress bar.")]
    public bool NoProgress { get; init; }

    /// <summary>Options that define a new experiment, by name, when given: --resume takes them from the experiment folder instead.</summary>
    protected virtual IEnumerable<(string Option, bool Given)> PlanOptions =>
    [
        ("FILE", File is not null), ("--seed", Seed is not null), ("--horizon", Horizon is not null), ("--warmup", Warmup is not null),
        ("--replications", Replications is not null), ("--out", Out is not null),
    ];

    public override ValidationResult Validate()
    {
        if (Resume is not null && PlanOptions.Where(o => o.Given).Select(o => o.Option).ToList() is { Count: > 0 } given)
        {
            return ValidationResult.Error($"--resume continues the experiment as it was planned; do not give {string.Join(", ", given)}");
        }

        if (Resume is null && File is null)
        {
            return ValidationResult.Error("give a scenario FILE, or --resume DIR to continue an interrupted experiment");
        }

        if (Replications is < 1 or > ScenarioLimits.MaxReplications)
        {
            return ValidationResult.Error($"--replications must be between 1 and {ScenarioLimits.MaxReplications:N0}, found {Replications}");
        }

        return Parallel is < 1 ? ValidationResult.Error($"--parallel must be at least 1, found {Parallel}") : base.Validate();
    }
}
