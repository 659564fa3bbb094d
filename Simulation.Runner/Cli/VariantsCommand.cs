using System.ComponentModel;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Services;
using IsdnSim.Scenario.Variants;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>Lists a scenario's variants and, one line per operation, what each changes.</summary>
public sealed class VariantsCommand(Consoles consoles) : Command<VariantsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario file.")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenario = ScenarioInput.Load(settings.File, consoles);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var variants = scenario.Definition.Variants;
        if (variants.Count == 0)
        {
            consoles.Text.WriteLine($"{settings.File} defines no variants; it runs as written.");
            return ExitCodes.Ok;
        }

        foreach (var v in variants)
        {
            consoles.Text.WriteLine($"{v.Id}: {v.Name}");
            if (v.Description is { } description)
            {
                consoles.Text.WriteLine($"    {description.Trim()}");
            }

            var changes = VariantApplier.Describe(v);
            foreach (var change in changes.Count > 0 ? changes : ["(no changes: the scenario as written)"])
            {
                consoles.Text.WriteLine($"  - {change}");
            }
        }

        consoles.Text.WriteLine($"Run one with: isdnsim run {settings.File} --variant {variants[0].Id}");
        return ExitCodes.Ok;
    }
}
