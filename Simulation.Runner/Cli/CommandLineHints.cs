using System.Reflection;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// What follows a command-line error: the nearest command for a misspelt one, the nearest option
/// of the command given for a misspelt option, and where to read more ('isdnsim run --help').
/// The commands and their options are read from the command classes themselves (class
/// <c>XCommand</c> in this namespace is command <c>x</c>), so no list here goes stale.
/// </summary>
public static class CommandLineHints
{
    // Longer than any option or command; beyond it a suggestion is pointless, and costly to compute for megabytes.
    private const int MaxWordLength = 64;

    /// <summary>Every command and the long names of its options, in name order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; } = FindCommands();

    /// <summary>The hint to append to <paramref name="message"/> (an error about <paramref name="args"/>), with a leading space; "" if none fits.</summary>
    public static string For(string message, IReadOnlyList<string> args)
    {
        var command = args.FirstOrDefault(Commands.ContainsKey);
        var help = command is null ? " See 'isdnsim --help'." : $" See 'isdnsim {command} --help'.";
        if (Quoted(message, "Unknown command '") is { } typed)
        {
            return Nearest(typed, Commands.Keys) is { } near ? $" Did you mean '{near}'?{help}" : FileAsCommand(typed) + help;
        }

        if (command is null && Quoted(message, "Unexpected option '") is { } early)
        {
            var owners = Commands.Where(c => c.Value.Contains(early)).Select(c => c.Key).ToList();
            return owners.Count > 0 ? $" An option comes after its command; --{early} goes with {Listed(owners)}.{help}" : help;
        }

        if (Quoted(message, "Unknown option '") is { } option)
        {
            var options = command is null ? Commands.Values.SelectMany(o => o).Distinct(StringComparer.Ordinal) : Commands[command];
            var near = options.FirstOrDefault(o => option.StartsWith(o, StringComparison.Ordinal) || o.StartsWith(option, StringComparison.Ordinal))
                       ?? Nearest(option, options);
            return near is not null ? $" Did you mean '--{near}'?{help}" : help;
        }

        return "";
    }

    private static string Listed(IReadOnlyList<string> words) =>
        words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1];

    private static string? Quoted(string message, string prefix) =>
        message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..].TrimEnd('.', '\'') : null;

    private static string? Nearest(string typed, IEnumerable<string> known) =>
        typed.Length > MaxWordLength ? null : DidYouMean.Suggest(typed, known);

    /// <summary>'isdnsim scenarios/x.yaml' names a scenario where a command belongs: say which commands take one.</summary>
    private static string FileAsCommand(string typed) =>
        typed.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || typed.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? $" A scenario file comes after a command, e.g. 'isdnsim run {UserText.Shorten(typed)}' or 'isdnsim validate {UserText.Shorten(typed)}'."
            : "";

    private static SortedDictionary<string, IReadOnlyList<string>> FindCommands()
    {
        var commands = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in typeof(CommandLineHints).Assembly.GetTypes().Where(t => t.Namespace == typeof(CommandLineHints).Namespace && !t.IsAbstract))
        {
            var contract = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
            if (contract is null || !type.Name.EndsWith("Command", StringComparison.Ordinal))
            {
                continue;
            }

            var settings = contract.GetGenericArguments()[0];
            commands[type.Name[..^"Command".Length].ToLowerInvariant()] =
                [.. settings.GetProperties().SelectMany(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames ?? []).Append("help").Distinct(StringComparer.Ordinal)];
        }

        return commands;
    }
}
