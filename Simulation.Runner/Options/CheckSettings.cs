using System.ComponentModel;
using IsdnSim.Kernel.Definitions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim check</c>.</summary>
public sealed class CheckSettings : EngineSettings
{
    [CommandOption("--observed <FILE>")]
    [Description("Observed data to check the scenario against: CSV with the columns process, region, statistic, value, unit, source (e.g. data/observed/rural-district.csv; see docs/experiments.md, check).")]
    public string? Observed { get; init; }

    [CommandOption("-r|--replications <N>")]
    [Description("Number of independent replications (replaces the scenario's own).")]
    public int? Replications { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Result folder for check.csv and manifest.json; must not exist or be empty. Default: results/<scenario>-check-<date>-<time>.")]
    public string? Out { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Replications run at the same time (default: one per core in-process, two per core and silo on Orleans).")]
    public int? Parallel { get; init; }

    [CommandOption("--no-progress")]
    [Description("Do not show a progress bar.")]
    public bool NoProgress { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Observed))
        {
            return ValidationResult.Error("--observed FILE is required: the observed data to check the scenario against, e.g. data/observed/rural-district.csv");
        }

        if (Replications is < 1 or > ScenarioLimits.MaxReplications)
        {
            return ValidationResult.Error($"--replications must be between 1 and {ScenarioLimits.MaxReplications:N0}, found {Replications}");
        }

        return Parallel is < 1 ? ValidationResult.Error($"--parallel must be at least 1, found {Parallel}") : base.Validate();
    }
}
