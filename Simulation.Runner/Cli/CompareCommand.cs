using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Services;
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
        var service = new CompareService(consoles);
        if (service.Open(settings) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var p = opened.Experiment.Plan;
        var precision = p.Precision is { } target ? $", until the differences are within {target:0.###} of the baseline (at most {p.MaxReplications})" : "";
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(opened.Model.Definition.Name)}[/]: {string.Join(", ", p.Variants)} against {p.Baseline}, " +
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
