using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Scenario.Language;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// A parameter grid in the style of NetLogo's BehaviorSpace: values of the scenario file set to
/// every combination of the given values, each point for the same replications, and a tidy
/// table of every run and metric.
/// </summary>
public sealed class SweepCommand(Consoles consoles) : AsyncCommand<SweepCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--set <PATH=VALUES>")]
        [Description("A value of the file and its values: PATH=FROM..TO:STEP (e.g. agents.lk-havelheide.agencies.building.staff=10..20:5, units allowed: 5wd..15wd:5wd) or PATH=A,B,C. Repeat for a grid.")]
        public string[] Set { get; init; } = [];

        [CommandOption("--variant <NAME>")]
        [Description("Apply this reform variant at every point.")]
        public string? Variant { get; init; }

        protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
            [.. base.PlanOptions, ("--set", Set.Length > 0), ("--variant", Variant is not null)];

        public override ValidationResult Validate() =>
            Resume is null && SweepRequest.OptionProblem(Set) is { } problem ? ValidationResult.Error(problem) : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ExperimentRun.Open(settings, ExperimentPlan.SweepKind, () => Plan(settings), Prepare, consoles) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var (store, experiment) = opened;

        var p = experiment.Plan;
        var model = experiment.Cells[0].Model;
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(model.Definition.Name)}[/]: {experiment.Points.Count} points " +
                                $"({Markup.Escape(string.Join(" x ", p.Parameters.Select(x => $"{x.Values.Count} {x.Path}")))}), {p.Replications} replications each, seed {model.Seed}");

        var (completed, code) = await ExperimentRun.RunAsync(settings, store, "sweep", p.Replications,
            (engine, parallel, progress, ct) => experiment.RunAsync(store, engine, parallel, progress, ct), consoles, cancellationToken);
        if (completed is null)
        {
            return code;
        }

        var outcome = completed.Outcome;
        var reportContext = ExperimentContext.For(p, model, outcome.Replications, null, ProgramVersion.Text);
        ProgressDisplay.Status(consoles.Out, !settings.NoProgress, "Writing figures and report", () =>
        {
            ExperimentOutput.WriteSweep(store, outcome, SweepReport.Build(reportContext, outcome.Result), reportContext.Years);
            ExperimentOutput.WriteManifest(store, new ExperimentManifest(p, model.Definition.Name, reportContext.Variants, outcome.Replications,
                null, completed.Engine, completed.Silos, outcome.Computed, completed.FromStore, DateTimeOffset.UtcNow,
                completed.WallSeconds, outcome.Digests.Values.Sum(d => d.Sum(x => x.Events)))
            {
                SilosLost = completed.SilosLost > 0 ? completed.SilosLost : null,
                ReplicationsRerun = completed.Rerun > 0 ? completed.Rerun : null,
            });
        });

        SweepView.Render(consoles.Out, outcome.Result);
        ExperimentRun.Done(consoles, store, completed.WallSeconds);
        return ExitCodes.Ok;
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

    private (ExperimentPlan Plan, string Text)? Plan(Settings settings)
    {
        var scenario = ScenarioInput.Load(settings.File!, consoles);
        if (scenario is null)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        try
        {
            return (new SweepRequest(settings.Set, settings.Variant, settings.Replications).Plan(scenario, overrides), scenario.Text);
        }
        catch (ExperimentRequestException e)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
            return null;
        }
    }
}
