using System.ComponentModel;
using IsdnSim.Core.Model;
using Spectre.Console;
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
            $"{settings.File}: ok: '{d.Name}': {d.Agents.Count} agents, {d.Agents.Sum(a => a.Agencies.Count)} agencies, " +
            $"{d.Processes.Count} processes, {demandSources} demand streams; horizon {d.Horizon.Value:0.##} days from {d.Start:yyyy-MM-dd}, " +
            $"{d.Replications} replication{(d.Replications == 1 ? "" : "s")}, seed {d.Seed}");
        return ExitCodes.Ok;
    }
}
