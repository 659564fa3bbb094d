using System.ComponentModel;
using IsdnSim.Kernel.Model;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Services;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

public sealed class ValidateCommand(Consoles consoles) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario file to check.")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(settings.File, consoles);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var model = SimulationModel.Compile(scenario.Definition);
        var d = scenario.Definition;
        var demandSources = model.Sources.Sum(s => s.Count);
        consoles.Text.WriteLine(
            $"{UserText.Shorten(settings.File)}: ok: '{d.Name}': {Count(d.Agents.Count, "agent")}, {Count(d.Agents.Sum(a => a.Agencies.Count), "agency", "agencies")}, " +
            $"{Count(d.Processes.Count, "process", "processes")}, {Count(demandSources, "demand stream")}; horizon {d.Horizon.Value:0.##} days from {d.Start:yyyy-MM-dd}, " +
            $"{Count(d.Replications, "replication")}, seed {d.Seed}");
        return ExitCodes.Ok;
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
