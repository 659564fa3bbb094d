using IsdnSim.Presentation.Labels;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// A parameter grid in the style of NetLogo's BehaviorSpace: values of the scenario file set to
/// every combination of the given values, each point for the same replications, and a tidy
/// table of every run and metric.
/// </summary>
public sealed class SweepCommand(Consoles consoles) : AsyncCommand<SweepSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        var service = new SweepService(consoles);
        if (service.Open(settings) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var p = opened.Experiment.Plan;
        var model = opened.Model;
        var compared = opened.Experiment.Compared;
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(model.Definition.Name)}[/]: {opened.Experiment.Points.Count} points " +
                                $"({Markup.Escape(string.Join(" x ", p.Parameters.Select(x => $"{x.Values.Count} {x.Path}")))}), " +
                                (compared.Count > 0 ? $"{compared.Count} variants at each ({Markup.Escape(string.Join(", ", compared.Select(DisplayNames.Variant)))}; baseline {Markup.Escape(DisplayNames.Variant(compared[0]))}), " : "") +
                                $"{p.Replications} replications each, seed {model.Seed}");

        var (completed, code) = await service.RunAsync(settings, opened, cancellationToken);
        if (completed is null)
        {
            return code;
        }

        SweepView.Render(consoles.Out, completed.Outcome.Result);
        ExperimentRun.Done(consoles, opened.Store, completed.WallSeconds);
        return ExitCodes.Ok;
    }
}
