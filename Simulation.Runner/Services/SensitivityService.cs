using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Uncertainty;

namespace IsdnSim.Runner.Services;

/// <summary>
/// The sensitivity command's work: plans a design over the scenario's uncertain parameters (after
/// checking that the ends of every range give valid scenarios) or resumes one, runs every point
/// and variant on the engine the options ask for, and writes the design, the runs, the indices,
/// the robustness figures, the report and the manifest.
/// </summary>
internal sealed class SensitivityService(Consoles consoles)
{
    /// <summary>The design to run, or null after reporting why there is none.</summary>
    public OpenedExperiment<SensitivityExperiment>? Open(SensitivitySettings settings) =>
        ExperimentRun.Open(settings, ExperimentPlan.SensitivityKind, () => Plan(settings), SensitivityExperiment.Prepare, consoles);

    public Task<(ExperimentRun.Completed<SensitivityOutcome>? Completed, int ExitCode)> RunAsync(
        SensitivitySettings settings, OpenedExperiment<SensitivityExperiment> opened, CancellationToken cancellationToken)
    {
        var (store, experiment) = opened;
        return ExperimentRun.RunAsync(settings, opened, "sensitivity", (engine, parallel, progress, ct) => experiment.RunAsync(store, engine, parallel, progress, ct),
            (outcome, context) => ExperimentOutput.WriteSensitivity(store, experiment, outcome, SensitivityReport.Build(context, experiment, outcome.Result)),
            consoles, cancellationToken);
    }

    private (ExperimentPlan Plan, string Text)? Plan(SensitivitySettings settings)
    {
        if (ScenarioInput.Load(settings.File!, settings, consoles) is not { } scenario)
        {
            return null;
        }

        PosteriorSample? posterior = null;
        if (settings.FromPosterior is { } folder)
        {
            try
            {
                posterior = PosteriorSample.Load(folder, scenario);
                scenario = posterior.WithRanges(scenario);
            }
            catch (ExperimentRequestException e)
            {
                consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
                return null;
            }
        }

        // Every value in a range must give a valid scenario: the ends are tried here, as validate tries them,
        // since the design's points are only compiled when they run.
        if (UncertainChecks.Check(scenario) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                consoles.Errors.WriteLine(problem.ToString());
            }

            consoles.Errors.WriteLine("A range of the uncertain parameters gives an invalid scenario; nothing was run.");
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, null, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        var metrics = HeadlineMetrics.For(scenario.Definition).Select(m => m.Key).ToList();
        return ExperimentRun.Planned(
            () => new SensitivityRequest(settings.Method, settings.Samples, settings.Levels, settings.VariantList, settings.MetricList, settings.Replications, posterior)
                .Plan(scenario, overrides, metrics),
            scenario.Text, consoles);
    }
}
