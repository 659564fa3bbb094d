using IsdnSim.Analysis.Experiments;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using IsdnSim.Presentation.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Global sensitivity analysis over the scenario's uncertain parameters (Sobol' indices or Morris
/// screening), every variant at every design point with common random numbers: which parameters
/// the answer depends on, and in how many plausible worlds each variant beats the baseline.
/// </summary>
public sealed class SensitivityCommand(Consoles consoles) : AsyncCommand<SensitivitySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SensitivitySettings settings, CancellationToken cancellationToken)
    {
        var service = new SensitivityService(consoles);
        if (service.Open(settings) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var experiment = opened.Experiment;
        var design = experiment.Design;
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(opened.Model.Definition.Name)}[/]: {(design.Method == DesignSpec.Posterior ? $"the worlds the calibration in {Markup.Escape(design.PosteriorFrom ?? "")} accepted" : $"{design.Method} design")} over {experiment.Parameters.Count} uncertain parameters, " +
                                $"{experiment.Points.Count:N0} points x {experiment.Plan.Variants.Count} variants ({Markup.Escape(string.Join(", ", experiment.Plan.Variants))}) x " +
                                $"{experiment.Plan.Replications} replications = {experiment.Cells.Count * experiment.Plan.Replications:N0} runs, seed {opened.Model.Seed}");

        var (completed, code) = await service.RunAsync(settings, opened, cancellationToken);
        if (completed is null)
        {
            return code;
        }

        var statements = SensitivityReport.Statements(Presentation.Reporting.ExperimentContext.For(experiment.Plan, opened.Model, completed.Outcome.Replications, null,
            Analysis.Storage.ProgramVersion.Text), experiment, completed.Outcome.Result);
        foreach (var statement in statements)
        {
            consoles.Out.WriteLine(statement);
        }

        foreach (var skipped in completed.Outcome.Result.Skipped)
        {
            consoles.Errors.WriteLine($"isdnsim: note: {skipped}");
        }

        ExperimentRun.Done(consoles, opened.Store, completed.WallSeconds);
        return ExitCodes.Ok;
    }
}
