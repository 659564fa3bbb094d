using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Generation;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>
/// What each number option accepts, for the message when a value does not even fit the option's
/// type (99999999999 for an int, -1 for a seed, "ten"): Spectre.Console.Cli fails before the
/// command's own checks, with "Failed to convert '...' to Nullable`1", naming neither the option
/// nor what it wants.
/// </summary>
internal static class NumberOptions
{
    private const string Whole = "a whole number";

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["replications"] = $"{Whole} between 1 and {ScenarioLimits.MaxReplications:N0}",
        ["max-replications"] = $"{Whole} between 2 and {ScenarioLimits.MaxReplications:N0}",
        ["parallel"] = $"{Whole} between 1 and {int.MaxValue:N0}",
        ["trace-replication"] = $"{Whole} between 0 and {ScenarioLimits.MaxReplications - 1:N0}",
        ["runs"] = $"{Whole} between 1 and 100",
        ["municipalities"] = $"{Whole} between 1 and {RegionSpec.MaxMunicipalities:N0}",
        ["districts"] = $"{Whole} between 1 and {RegionSpec.MaxMunicipalities:N0}",
        ["cities"] = $"{Whole} between 0 and {RegionSpec.MaxMunicipalities:N0}",
        ["states"] = $"{Whole} between 1 and {RegionSpec.MaxMunicipalities:N0}",
        ["seed"] = $"{Whole} between 0 and {ulong.MaxValue:N0}",
        ["precision"] = "a share between 0 and 1, such as 0.05",
    };

    private static readonly Dictionary<string, string> ShortNames = new() { ["r"] = "replications", ["s"] = "seed" };

    /// <summary>"--replications: expected a whole number between 1 and 10,000, found '99999999999'", or null if <paramref name="e"/> is not such a failure.</summary>
    public static string? ConversionProblem(Exception e, IReadOnlyList<string> args)
    {
        if (e is not CommandRuntimeException || !e.Message.StartsWith("Failed to convert '", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (option, value) in OptionValues(args))
        {
            if (Expected.TryGetValue(option, out var expected) && e.Message.StartsWith($"Failed to convert '{value}' to ", StringComparison.Ordinal))
            {
                return $"--{option}: expected {expected}, found '{UserText.Shorten(value)}'";
            }
        }

        return null;
    }

    /// <summary>Each option on the command line with the value after it (--name value, --name=value, -r value).</summary>
    private static IEnumerable<(string Option, string Value)> OptionValues(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                continue;
            }

            var name = arg.TrimStart('-');
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                (name, value) = (name[..equals], name[(equals + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                value = args[i + 1];
            }

            if (value is not null)
            {
                yield return (ShortNames.GetValueOrDefault(name, name), value);
            }
        }
    }
}
