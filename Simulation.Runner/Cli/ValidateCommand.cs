using IsdnSim.Kernel.Model;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Uncertainty;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Checks a scenario file as a run would (every variant applied), and the ranges of its uncertain
/// parameters: each end of every range must give a valid scenario.
/// </summary>
public sealed class ValidateCommand(Consoles consoles) : Command<UncertainScenarioSettings>
{
    public override int Execute(CommandContext context, UncertainScenarioSettings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(settings.File, settings, consoles);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        // Every value in the ranges: the ends (and a list's every value) each set alone must give a valid scenario.
        var problems = UncertainChecks.Check(scenario);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                consoles.Errors.WriteLine(problem.ToString());
            }

            consoles.Errors.WriteLine($"{problems.Count} value{(problems.Count == 1 ? "" : "s")} of the uncertain ranges do{(problems.Count == 1 ? "es" : "")} not give a valid scenario; nothing was run.");
            return ExitCodes.BadInput;
        }

        var model = SimulationModel.Compile(scenario.Definition);
        var d = scenario.Definition;
        var demandSources = model.Sources.Sum(s => s.Count);
        consoles.Text.WriteLine(
            $"{UserText.Shorten(settings.File)}: ok: '{d.Name}': {Count(d.Agents.Count, "agent")}, {Count(d.Agents.Sum(a => a.Agencies.Count), "agency", "agencies")}, " +
            $"{Count(d.Processes.Count, "process", "processes")}, {Count(demandSources, "demand stream")}; horizon {d.Horizon.Value:0.##} days from {d.Start:yyyy-MM-dd}, " +
            $"{Count(d.Replications, "replication")}, seed {d.Seed}");
        if (d.Uncertain.Count > 0)
        {
            var from = scenario.UncertainFrom is { } f ? $" (from {UserText.Shorten(f.File)})" : "";
            consoles.Text.WriteLine(
                $"{Count(d.Uncertain.Count, "uncertain parameter")}{from}: ok: paths, units and ranges; each of {Count(UncertainChecks.Tried(d), "value")} " +
                "(the ends of every range, every value of every list) gives a valid scenario");
        }

        return ExitCodes.Ok;
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";
}
