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

        public override ValidationResult Validate()
        {
            if (Precision is not null and (<= 0 or >= 1))
            {
                return ValidationResult.Error($"--precision must be a share between 0 and 1 (0.05 for 5 % of the baseline's mean), found {Precision}");
            }

            if (MaxReplications is not null && Precision is null)
            {
                return ValidationResult.Error("--max-replications goes with --precision");
            }

            if (MaxReplications is < 2 or > ScenarioLimits.MaxReplications)
            {
                return ValidationResult.Error($"--max-replications must be between 2 and {ScenarioLimits.MaxReplications:N0}, found {MaxReplications}");
            }

            return base.Validate();
        }
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

        var known = scenario.Definition.Variants.Select(v => v.Id).ToList();
        var variants = settings.Variants is { } list
            ? list.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList()
            : known;
        foreach (var v in variants.Where(v => !known.Contains(v)))
        {
            consoles.Errors.WriteLine(known.Count == 0
                ? $"isdnsim: error: --variants: {scenario.File} defines no variants"
                : $"isdnsim: error: --variants: no variant '{v}' in {scenario.File}{DidYouMean.Hint(v, known)} (variants: {string.Join(", ", known)})");
            return null;
        }

        if (variants.Distinct().Count() != variants.Count || variants.Count < 2)
        {
            consoles.Errors.WriteLine(variants.Count < 2
                ? $"isdnsim: error: a comparison needs at least two variants, found {variants.Count} ({string.Join(", ", variants)})"
                : "isdnsim: error: --variants: a variant is listed twice");
            return null;
        }

        var baseline = settings.Baseline ?? variants[0];
        if (!variants.Contains(baseline))
        {
            consoles.Errors.WriteLine($"isdnsim: error: --baseline: '{baseline}' is not one of the compared variants ({string.Join(", ", variants)}){DidYouMean.Hint(baseline, variants)}");
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, null, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        var replications = settings.Replications ?? scenario.Definition.Replications;
        if (settings.Precision is not null && replications < 2)
        {
            consoles.Errors.WriteLine("isdnsim: error: --precision needs at least 2 replications in the first round (--replications)");
            return null;
        }

        var cap = settings.MaxReplications ?? 100;
        if (settings.Precision is not null && cap < replications)
        {
            consoles.Errors.WriteLine($"isdnsim: error: --max-replications ({cap}) is smaller than the first round ({replications})");
            return null;
        }

        // The baseline first: its column comes first everywhere.
        var ordered = (List<string>)[baseline, .. variants.Where(v => v != baseline)];
        return (new ExperimentPlan
        {
            Kind = ExperimentPlan.CompareKind,
            ScenarioFile = scenario.File,
            ScenarioHash = scenario.Hash,
            Seed = overrides.Seed,
            HorizonDays = overrides.HorizonDays,
            WarmupDays = overrides.WarmupDays,
            Variants = ordered,
            Baseline = baseline,
            Replications = replications,
            Precision = settings.Precision,
            MaxReplications = settings.Precision is null ? replications : cap,
            ProgramVersion = ProgramVersion.Text,
        }, scenario.Text);
    }
}
