using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;

namespace IsdnSim.Runner.Services;

/// <summary>
/// The compare command's work: opens the comparison (planned from the options in a new folder,
/// or resumed), runs it on the engine the options ask for, and writes its figures, report and
/// manifest. An interruption keeps every finished replication for --resume. The command shows
/// what it returns.
/// </summary>
internal sealed class CompareService(Consoles consoles)
{
    /// <summary>The comparison to run, or null after reporting why there is none (the options, the scenario, --resume, --out).</summary>
    public OpenedExperiment<CompareExperiment>? Open(CompareSettings settings) =>
        ExperimentRun.Open(settings, ExperimentPlan.CompareKind, () => Plan(settings), CompareExperiment.Prepare, consoles);

    /// <summary>Runs what the store does not hold yet and writes the results; without an outcome, the exit code of the interruption or failure (reported).</summary>
    public Task<(ExperimentRun.Completed<CompareOutcome>? Completed, int ExitCode)> RunAsync(
        CompareSettings settings, OpenedExperiment<CompareExperiment> opened, CancellationToken cancellationToken)
    {
        var (store, experiment) = opened;
        return ExperimentRun.RunAsync(settings, opened, "compare", (engine, parallel, progress, ct) => experiment.RunAsync(store, engine, parallel, progress, ct),
            (outcome, context) => ExperimentOutput.WriteCompare(store, outcome, CompareReport.Build(context, outcome.Result), context.Years), consoles, cancellationToken);
    }

    /// <summary>A new experiment's plan from the options, or null after reporting what is wrong.</summary>
    private (ExperimentPlan Plan, string Text)? Plan(CompareSettings settings)
    {
        var scenario = ScenarioInput.Load(settings.File!, consoles);
        if (scenario is null)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, null, settings.Replications, consoles);
        var variants = settings.Variants?.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        return overrides is null
            ? null
            : ExperimentRun.Planned(() => new CompareRequest(variants, settings.Baseline, settings.Replications, settings.Precision, settings.MaxReplications).Plan(scenario, overrides),
                scenario.Text, consoles);
    }
}
