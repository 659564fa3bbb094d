using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;

namespace IsdnSim.Runner.Services;

/// <summary>
/// The sweep command's work: opens the sweep (planned from the options in a new folder, or
/// resumed), compiles every point, runs it on the engine the options ask for, and writes its
/// figures, report and manifest. An interruption keeps every finished replication for --resume.
/// The command shows what it returns.
/// </summary>
internal sealed class SweepService(Consoles consoles)
{
    /// <summary>The sweep to run, or null after reporting why there is none (the options, the scenario, a point that is not valid, --resume, --out).</summary>
    public OpenedExperiment<SweepExperiment>? Open(SweepSettings settings) =>
        ExperimentRun.Open(settings, ExperimentPlan.SweepKind, () => Plan(settings), Prepare, consoles);

    /// <summary>Runs what the store does not hold yet and writes the results; without an outcome, the exit code of the interruption or failure (reported).</summary>
    public Task<(ExperimentRun.Completed<SweepOutcome>? Completed, int ExitCode)> RunAsync(
        SweepSettings settings, OpenedExperiment<SweepExperiment> opened, CancellationToken cancellationToken)
    {
        var (store, experiment) = opened;
        return ExperimentRun.RunAsync(settings, opened, "sweep", (engine, parallel, progress, ct) => experiment.RunAsync(store, engine, parallel, progress, ct),
            (outcome, context) => ExperimentOutput.WriteSweep(store, outcome, SweepReport.Build(context, outcome.Result), context.Years), consoles, cancellationToken);
    }

    /// <summary>Compiles every point; reports the first that is not a valid scenario, with its values, and returns null.</summary>
    private SweepExperiment? Prepare(ExperimentPlan plan, string text)
    {
        try
        {
            return SweepExperiment.Prepare(plan, text);
        }
        catch (SweepPointException e)
        {
            foreach (var problem in e.Problems)
            {
                consoles.Errors.WriteLine($"{problem} (with --set {e.Point})");
            }

            consoles.Errors.WriteLine("A point of the sweep is not a valid scenario; nothing was run.");
            return null;
        }
    }

    private (ExperimentPlan Plan, string Text)? Plan(SweepSettings settings)
    {
        var scenario = ScenarioInput.Load(settings.File!, consoles);
        if (scenario is null)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, settings.Replications, consoles);
        return overrides is null
            ? null
            : ExperimentRun.Planned(() => new SweepRequest(settings.Set, settings.Variant, settings.Replications) { Variants = settings.VariantList }.Plan(scenario, overrides),
                scenario.Text, consoles);
    }
}
