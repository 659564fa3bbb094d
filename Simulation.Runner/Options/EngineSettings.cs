using System.ComponentModel;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>Options shared by the commands that run one scenario (run, bench).</summary>
public class EngineSettings : ScenarioOptions
{
    [CommandArgument(0, "<FILE>")]
    [Description("Scenario file (YAML, format 1; see docs/scenario-format.md).")]
    public string File { get; init; } = "";

    [CommandOption("--variant <NAME>")]
    [Description("Apply this reform variant of the scenario first ('isdnsim variants FILE' lists them).")]
    public string? Variant { get; init; }
}
