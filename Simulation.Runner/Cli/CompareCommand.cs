using IsdnSim.Presentation.Labels;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Compares reform variants: every variant for the same replications (common random numbers),
/// each headline figure with its interval, and each variant's paired difference to the baseline.
/// </summary>
public sealed class CompareCommand(Consoles consoles) : AsyncCommand<CompareSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var service = new CompareService(consoles);
        if (service.Open(settings) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var p = opened.Experiment.Plan;
        var precision = p.Precision is { } target ? $", until the differences are within {target:0.###} of the baseline (at most {p.MaxReplications})" : "";
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(opened.Model.Definition.Name)}[/]: {Markup.Escape(string.Join(", ", p.Variants.Select(DisplayNames.Variant)))} against {Markup.Escape(DisplayNames.Variant(p.Baseline))}, " +
                                $"{p.Replications} replications each{Markup.Escape(precision)}, seed {opened.Model.Seed}");

        var (completed, code) = await service.RunAsync(settings, opened, cancellationToken);
        if (completed is null)
        {
            return code;
        }

        ComparisonView.Render(consoles.Out, completed.Outcome);
        if (completed.Outcome.PrecisionReached == false)
        {
            consoles.Errors.WriteLine($"isdnsim: warning: the precision target was not reached within {p.MaxReplications} replications; the intervals are wider than asked.");
        }

        ExperimentRun.Done(consoles, opened.Store, completed.WallSeconds);
        return ExitCodes.Ok;
    }
}
