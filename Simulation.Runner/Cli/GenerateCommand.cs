using System.ComponentModel;
using IsdnSim.Analysis.Storage;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
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
        [CommandOption("--germany")]
        [Description("Write Germany: the 16 Länder with their real numbers of municipalities, districts, independent cities and joint administrations (Destatis GV100AD). Takes only --seed, --out and --force.")]
        public bool Germany { get; init; }

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
            Germany
                ? Municipalities != 0 || Districts != 0 || Cities != 0 || States != 1 || Amter || Name is not null
                    ? ValidationResult.Error("--germany sets the Länder, their municipalities, districts, cities and joint administrations itself; give it only --seed, --out and --force")
                    : ValidationResult.Success()
                : new RegionSpec(Municipalities, Districts, Cities, States, Amter, Seed).Problem() is { } problem
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

        // The $schema line names the schema relative to the folder the file is written to (standard
        // output: the current folder, where a redirect usually writes), found from there, the current
        // folder or the program's own (in a clone, scenarios/); none when it is nowhere to be found.
        var folder = settings.Out is { } target ? Path.GetDirectoryName(Path.GetFullPath(target))! : Directory.GetCurrentDirectory();
        var schema = SchemaReference.From(folder, [folder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        var yaml = settings.Germany
            ? RegionGenerator.GenerateGermany(settings.Seed, schema)
            : RegionGenerator.Generate(new RegionSpec(settings.Municipalities, settings.Districts, settings.Cities, settings.States, settings.Amter, settings.Seed, settings.Name), schema);
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
        consoles.Out.MarkupLine($"Wrote [bold]{Markup.Escape(DisplayPath.Of(path))}[/]: {Markup.Escape(d.Description ?? d.Name)}.");
        return ExitCodes.Ok;
    }
}
