using System.ComponentModel;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Services;
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
        var service = new SweepService(consoles);
        if (service.Open(settings) is not { } opened)
        {
            return ExitCodes.BadInput;
        }

        var p = opened.Experiment.Plan;
        var model = opened.Model;
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(model.Definition.Name)}[/]: {opened.Experiment.Points.Count} points " +
                                $"({Markup.Escape(string.Join(" x ", p.Parameters.Select(x => $"{x.Values.Count} {x.Path}")))}), {p.Replications} replications each, seed {model.Seed}");

        var (completed, code) = await service.RunAsync(settings, opened, cancellationToken);
        if (completed is null)
        {
            return code;
        }

        SweepView.Render(consoles.Out, completed.Outcome.Result);
        ExperimentRun.Done(consoles, opened.Store, completed.WallSeconds);
        return ExitCodes.Ok;
    }
}
