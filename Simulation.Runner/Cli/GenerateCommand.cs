using System.ComponentModel;
using IsdnSim.Analysis.Storage;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Generation;
using IsdnSim.Scenario.Language;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>Writes a synthetic region as a scenario file, checked by the same loader before it is saved.</summary>
public sealed class GenerateCommand(Consoles consoles) : Command<GenerateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--municipalities <N>")]
        [Description("Number of municipalities (independent cities included).")]
        public int Municipalities { get; init; }

        [CommandOption("--districts <K>")]
        [Description("Number of districts (Landkreise).")]
        public int Districts { get; init; }

        [CommandOption("--cities <C>")]
        [Description("How many of the largest municipalities are independent cities (kreisfreie Städte).")]
        [DefaultValue(0)]
        public int Cities { get; init; }

        [CommandOption("--states <S>")]
        [Description("Number of states (Länder).")]
        [DefaultValue(1)]
        public int States { get; init; } = 1;

        [CommandOption("--amter")]
        [Description("Group municipalities under 5,000 inhabitants into Ämter (shared administrations).")]
        public bool Amter { get; init; }

        [CommandOption("-s|--seed <SEED>")]
        [Description("Seed: the same numbers and seed give the same file.")]
        [DefaultValue(1UL)]
        public ulong Seed { get; init; } = 1;

        [CommandOption("--name <NAME>")]
        [Description("Name of the region.")]
        public string? Name { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("Scenario file to write (default: standard output).")]
        public string? Out { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite --out if it exists.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            new RegionSpec(Municipalities, Districts, Cities, States, Amter, Seed).Problem() is { } problem
                ? ValidationResult.Error(problem)
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is { } existing && File.Exists(existing) && !settings.Force)
        {
            consoles.Errors.WriteLine($"isdnsim: error: '{UserText.Shorten(existing)}' exists; choose another --out, or add --force to replace it");
            return ExitCodes.BadInput;
        }

        var spec = new RegionSpec(settings.Municipalities, settings.Districts, settings.Cities, settings.States, settings.Amter, settings.Seed, settings.Name);
        var yaml = RegionGenerator.Generate(spec);
        var loaded = ScenarioLoader.Parse(yaml, settings.Out ?? "generated.yaml");

        if (settings.Out is not { } path)
        {
            consoles.Text.Write(yaml);
            return ExitCodes.Ok;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicOutput.WriteFile(full, yaml);
        var d = loaded.Definition;
        consoles.Out.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]: {Markup.Escape(d.Description ?? d.Name)}.");
        return ExitCodes.Ok;
    }
}
