using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Compares reform variants: every variant for the same replications (common random numbers),
/// each headline figure with its interval, and each variant's paired difference to the baseline.
/// </summary>
public sealed class CompareCommand(Consoles consoles) : AsyncCommand<CompareCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--variants <LIST>")]
        [Description("Variants to compare, comma-separated (default: all of the scenario's).")]
        public string? Variants { get; init; }

        [CommandOption("--baseline <NAME>")]
        [Description("The variant the others are measured against (default: the first).")]
        public string? Baseline { get; init; }

        [CommandOption("--precision <P>")]
        [Description("Add replications in rounds until the half-width of every difference in mean lead time and throughput (its 95 % interval, Bonferroni-adjusted with more than two variants) is at most P times the baseline's mean, e.g. 0.05.")]
        public double? Precision { get; init; }

        [CommandOption("--max-replications <N>")]
        [Description("With --precision: stop at this many replications even if the target is not reached (default 100).")]
        public int? MaxReplications { get; init; }

        protected override IEnumerable<(string Option, bool Given)> PlanOptions =>
        [
            .. base.PlanOptions, ("--variants", Variants is not null), ("--baseline", Baseline is not null),
            ("--precision", Precision is not null), ("--max-replications", MaxReplications is not null),
        ];

        public override ValidationResult Validate() =>
            CompareRequest.OptionProblem(Precision, MaxReplications) is { } problem ? ValidationResult.Error(problem) : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (ExperimentRun.Open(settings, ExperimentPlan.CompareKind, () => Plan(settings), CompareExperiment.Prepare, consoles) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var (store, experiment) = opened;

        var p = experiment.Plan;
        var precision = p.Precision is { } target ? $", until the differences are within {target:0.###} of the baseline (at most {p.MaxReplications})" : "";
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(experiment.Cells[0].Model.Definition.Name)}[/]: {string.Join(", ", p.Variants)} against {p.Baseline}, " +
                                $"{p.Replications} replications each{Markup.Escape(precision)}, seed {experiment.Cells[0].Model.Seed}");

        var (completed, code) = await ExperimentRun.RunAsync(settings, store, "compare", p.Replications,
            (engine, parallel, progress, ct) => experiment.RunAsync(store, engine, parallel, progress, ct), consoles, cancellationToken);
        if (completed is null)
        {
            return code;
        }

        var outcome = completed.Outcome;
        var model = experiment.Cells[0].Model;
        var reportContext = ExperimentContext.For(p, model, outcome.Replications, outcome.PrecisionReached, ProgramVersion.Text);
        ProgressDisplay.Status(consoles.Out, !settings.NoProgress, "Writing figures and report", () =>
        {
            ExperimentOutput.WriteCompare(store, outcome, CompareReport.Build(reportContext, outcome.Result), reportContext.Years);
            ExperimentOutput.WriteManifest(store, new ExperimentManifest(p, model.Definition.Name, reportContext.Variants, outcome.Replications,
                outcome.PrecisionReached, completed.Engine, completed.Silos, outcome.Computed, completed.FromStore, DateTimeOffset.UtcNow,
                completed.WallSeconds, outcome.Digests.Values.Sum(d => d.Sum(x => x.Events)))
            {
                SilosLost = completed.SilosLost > 0 ? completed.SilosLost : null,
                ReplicationsRerun = completed.Rerun > 0 ? completed.Rerun : null,
            });
        });

        ComparisonView.Render(consoles.Out, outcome);
        if (outcome.PrecisionReached == false)
        {
            consoles.Errors.WriteLine($"isdnsim: warning: the precision target was not reached within {p.MaxReplications} replications; the intervals are wider than asked.");
        }

        ExperimentRun.Done(consoles, store, completed.WallSeconds);
        return ExitCodes.Ok;
    }

    /// <summary>A new experiment's plan from the options, or null after reporting what is wrong.</summary>
    private (ExperimentPlan Plan, string Text)? Plan(Settings settings)
    {
        var scenario = ScenarioInput.Load(settings.File!, consoles);
        if (scenario is null)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, null, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        var variants = settings.Variants?.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        try
        {
            return (new CompareRequest(variants, settings.Baseline, settings.Replications, settings.Precision, settings.MaxReplications).Plan(scenario, overrides), scenario.Text);
        }
        catch (ExperimentRequestException e)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
            return null;
        }
    }
}
