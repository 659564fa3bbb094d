using IsdnSim.Presentation.Labels;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Checks a scenario against observed durations: runs it (as 'run' would, with the same seed and
/// replications) and puts each observation beside the model's value and interval.
/// </summary>
public sealed class CheckCommand(Consoles consoles) : AsyncCommand<CheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var service = new CheckService(consoles);
        if (service.Prepare(settings) is not { } check)
        {
            return ExitCodes.BadInput;
        }

        var model = check.Model;
        var variant = model.Definition.AppliedVariant is { } v ? $", variant {DisplayNames.Variant(v)}" : "";
        var n = check.Targets.Count;
        consoles.Out.MarkupLine(Markup.Escape($"{model.Definition.Name}{variant}: {n} observation{(n == 1 ? "" : "s")} from {check.Observed.File}, " +
                                              $"{check.Replications} replication{(check.Replications == 1 ? "" : "s")} of {model.Horizon.Days:0.##} days, seed {model.Seed}"));
        var outcome = await service.RunAsync(check, cancellationToken);
        if (outcome.Check is not { } result)
        {
            return outcome.ExitCode;
        }

        CheckView.Render(consoles.Out, result, check.Replications);
        consoles.Out.MarkupLine($"Results in [bold]{Markup.Escape(DisplayPath.Of(check.OutDir))}[/] (check.csv, manifest.json), simulated in {outcome.WallSeconds:0.0} s.");
        return ExitCodes.Ok;
    }
}
