using IsdnSim.Presentation.Output;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Calibrates the uncertain parameters of a scenario to observed statistics: samples worlds from
/// their ranges, rules out those that cannot reproduce the data (history matching) and keeps the
/// closest (rejection ABC); says how well the data pin each parameter down, or that no world fits.
/// </summary>
public sealed class CalibrateCommand(Consoles consoles) : AsyncCommand<CalibrateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CalibrateSettings settings, CancellationToken cancellationToken)
    {
        var service = new CalibrateService(consoles);
        if (service.Open(settings) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var (store, experiment) = opened;
        var model = opened.Model;
        var spec = experiment.Spec;
        consoles.Out.MarkupLine(Markup.Escape(
            $"{model.Definition.Name}: {experiment.Parameters.Count} uncertain parameter{(experiment.Parameters.Count == 1 ? "" : "s")}, {experiment.Points.Count} sampled worlds and the scenario's own values, " +
            $"{experiment.Plan.Replications} replication{(experiment.Plan.Replications == 1 ? "" : "s")} each, against {experiment.Observed.Rows.Count} observations from {spec.ObservedFile}"));
        var (completed, exit) = await service.RunAsync(settings, opened, cancellationToken);
        if (completed is null)
        {
            return exit;
        }

        CalibrationView.Render(consoles.Out, completed.Outcome.Result, spec.Accept);
        var files = completed.Outcome.Result.Accepted.Count > 0
            ? $"posterior.csv, fit.csv, accepted.csv, points.csv, {CalibrationOutput.CalibratedRanges}, {CalibrationOutput.CalibratedValues}"
            : "posterior.csv, fit.csv, accepted.csv (empty), points.csv; no calibrated ranges, as no world fits";
        consoles.Out.MarkupLine($"Results in [bold]{Markup.Escape(DisplayPath.Of(store.Directory))}[/] ({Markup.Escape(files)}), simulated in {completed.WallSeconds:0.0} s.");
        return ExitCodes.Ok;
    }
}
