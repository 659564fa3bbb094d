using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Validation;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Runner.Services;

/// <summary>
/// The calibrate command's work: opens the calibration (planned from the options in a new folder,
/// or resumed), runs every sampled world on the engine the options ask for, and writes the
/// posterior, the fit and the calibrated ranges. An interruption keeps every finished replication
/// for --resume. The command shows what it returns.
/// </summary>
internal sealed class CalibrateService(Consoles consoles)
{
    /// <summary>The calibration to run, or null after reporting why there is none.</summary>
    public OpenedExperiment<CalibrationExperiment>? Open(CalibrateSettings settings) =>
        ExperimentRun.Open(settings, ExperimentPlan.CalibrateKind, () => Plan(settings), Prepare, consoles);

    public Task<(ExperimentRun.Completed<CalibrationOutcome>? Completed, int ExitCode)> RunAsync(
        CalibrateSettings settings, OpenedExperiment<CalibrationExperiment> opened, CancellationToken cancellationToken)
    {
        var (store, experiment) = opened;
        return ExperimentRun.RunAsync(settings, opened, "calibrate", (engine, parallel, progress, ct) => experiment.RunAsync(store, engine, parallel, progress, ct),
            (outcome, context) => CalibrationOutput.Write(store, outcome.Result, CalibrationReport.Build(context, experiment, outcome.Result)), consoles, cancellationToken);
    }

    private CalibrationExperiment? Prepare(ExperimentPlan plan, string text)
    {
        return ScenarioInput.Observed(plan.Calibration!.ObservedFile, () => CalibrationExperiment.Prepare(plan, text), consoles);
    }

    private (ExperimentPlan Plan, string Text)? Plan(CalibrateSettings settings)
    {
        var scenario = ScenarioInput.Load(settings.File!, settings, consoles);
        if (scenario is null)
        {
            return null;
        }

        var observedFile = settings.Observed!;
        if (ScenarioInput.Observed(observedFile, () => ObservedData.Read(observedFile), consoles) is not { } observed)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        var parameters = scenario.Definition.Uncertain;
        if (parameters.Count == 0)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.Shorten(scenario.File)} declares no uncertain parameters, so there is nothing to calibrate; add an 'uncertain:' section or give --uncertain FILE (docs/scenario-format.md)");
            return null;
        }

        if (parameters.Count > Analysis.Sensitivity.SobolSequence.MaxDimensions)
        {
            consoles.Errors.WriteLine($"isdnsim: error: the ranges declare {parameters.Count} parameters; a calibration samples at most {Analysis.Sensitivity.SobolSequence.MaxDimensions}: give the key ones with --uncertain FILE");
            return null;
        }

        var samples = settings.Samples ?? CalibrateSettings.DefaultSamples;
        var replications = settings.Replications ?? scenario.Definition.Replications;
        var runs = (long)(samples + 1) * replications;
        if (runs > CalibrateSettings.MaxRuns)
        {
            consoles.Errors.WriteLine($"isdnsim: error: the calibration has {samples + 1:N0} worlds × {replications} replications = {runs:N0} runs; the limit is {CalibrateSettings.MaxRuns:N0} (fewer --samples or --replications)");
            return null;
        }

        var plan = ExperimentPlan.New(ExperimentPlan.CalibrateKind, scenario, overrides, replications) with
        {
            Variants = settings.Variant is { } v ? [v] : [],
            Calibration = new CalibrationSpec(samples, settings.Accept ?? CalibrateSettings.DefaultAccept, [.. parameters.Select(p => p.Path)],
                observed.File, File.ReadAllText(observedFile), scenario.UncertainFrom?.File, scenario.UncertainFrom?.Text),
        };
        return (plan, scenario.Text);
    }
}
