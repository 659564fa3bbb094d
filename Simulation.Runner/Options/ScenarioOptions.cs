using System.ComponentModel;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>Values of the scenario a command line may replace.</summary>
public class ScenarioOptions : EngineOptions
{
    [CommandOption("-s|--seed <SEED>")]
    [Description("Replace the scenario's seed.")]
    public ulong? Seed { get; init; }

    [CommandOption("--horizon <DURATION>")]
    [Description("Replace the scenario's horizon, e.g. 10y or 3650d.")]
    public string? Horizon { get; init; }

    [CommandOption("--warmup <DURATION>")]
    [Description("Replace the scenario's warm-up: statistics skip the first this long, e.g. 1y (0d for none).")]
    public string? Warmup { get; init; }
}
