using System.ComponentModel;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of the commands that read one scenario with the ranges of its uncertain parameters: validate, assumptions.</summary>
public sealed class UncertainScenarioSettings : CommandSettings, IUncertainOption
{
    [CommandArgument(0, "<FILE>")]
    [Description("Scenario file (YAML, format 1; see docs/scenario-format.md).")]
    public string File { get; init; } = "";

    [CommandOption(UncertainOption.Template)]
    [Description(UncertainOption.Description)]
    public string? Uncertain { get; init; }
}
