using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Builds the YAML tree of a large scenario that <see cref="SubsetYamlParser"/> does not read in
/// two halves side by side, split between two entries of its agent list: YamlDotNet reads
/// Germany's 3.9 MB in about a second on one core, nearly all of it the agents. (A text in the
/// subset is read on one thread: the subset reader takes less processor time and, with the silo
/// starting beside it, less wall time than two halves of it.) The first half is the text up to
/// the split; the second is the whole text with everything before the split blanked (every
/// character but the line breaks made a space) except the line <c>agents:</c>, so each of its
/// nodes has the line, column and index it has in the whole text. The halves' trees are joined into the tree the whole text gives (but for where the root
/// and the agent list end, which are the first half's: the scenario's binders read where a node
/// starts, never where it ends).
/// </summary>
/// <remarks>
/// Only a text both halves of which read without a problem is read this way; anything else (a
/// syntax error, an alias of an anchor in the other half, a key in both halves, too many nodes,
/// several documents, a split inside a quoted value or a bracket, which leaves one half
/// unclosed) gives null, and the caller reads the whole text as one, with its messages.
/// </remarks>
internal static partial class HalvedYaml
{
    /// <summary>Below this many characters a text is read as one: a second thread costs more than it saves.</summary>
    public const int MinLength = 1 << 20;

    /// <summary>The root of the tree of <paramref name="text"/>, or null if it is not read in halves (see the remarks on the class).</summary>
    public static YamlNode? TryLoad(string text, string file, int minLength = MinLength)
    {
        if (text.Length < minLength || Split(text) is not { } split)
        {
            return null;
        }

        var second = Task.Run(() => Load(SecondHalf(text, split), file));
        var first = Load(text[..split.At], file);
        return first is { } a && second.Result is { } b ? Join(a, b, split) : null;
    }

    /// <summary>Where the agent list starts (the line <c>agents:</c>) and where the second half starts (a line starting an entry of the list), or null for a text not split.</summary>
    internal static (int AgentsLine, int AgentsLineEnd, int At)? Split(string text)
    {
        // Documents, directives and other lists of agents are left to the reading of the whole.
        if (DocumentMarker().IsMatch(text) || AgentsLine().Matches(text) is not [var agents])
        {
            return null;
        }

        var lineEnd = agents.Index + agents.Length;
        if (EntryIndent().Match(text, lineEnd) is not { Success: true } firstEntry)
        {
            return null;
        }

        // The entry nearest after the middle of the list: the halves then hold about as many agents.
        var end = SectionEnd(text, firstEntry.Groups[1].Length, firstEntry.Index + 1);
        var at = text.IndexOf("\n" + firstEntry.Groups[1].Value + "- ", (firstEntry.Index + end) / 2, StringComparison.Ordinal);
        if (at < 0 || at >= end)
        {
            return null;
        }

        return (agents.Index, lineEnd, at + 1);
    }

    /// <summary>The start of the first line after <paramref name="from"/> that leaves the agent list: one less indented than its entries, or as indented and not an entry.</summary>
    private static int SectionEnd(string text, int indent, int from)
    {
        for (var line = text.IndexOf('\n', from) + 1; line > 0 && line < text.Length; line = text.IndexOf('\n', line) + 1)
        {
            var spaces = 0;
            while (line + spaces < text.Length && text[line + spaces] == ' ')
            {
                spaces++;
            }

            var rest = text.AsSpan(line + spaces);
            if (rest.IsEmpty || rest[0] is '\n' or '\r' or '#')
            {
                continue;
            }

            if (spaces < indent || (spaces == indent && !rest.StartsWith("- ")))
            {
                return line;
            }
        }

        return text.Length;
    }

    /// <summary>The whole text with everything before <c>At</c> blanked but the line <c>agents:</c> and the line breaks.</summary>
    private static string SecondHalf(string text, (int AgentsLine, int AgentsLineEnd, int At) split) =>
        string.Create(text.Length, (text, split), static (chars, state) =>
        {
            var (text, (agentsLine, agentsLineEnd, at)) = state;
            text.AsSpan().CopyTo(chars);
            for (var i = 0; i < at; i++)
            {
                if ((i < agentsLine || i >= agentsLineEnd) && !IsBreak(chars[i]))
                {
                    chars[i] = ' ';
                }
            }
        });

    // What YamlDotNet takes for a line break (YAML 1.1): kept, so that lines and columns stay.
    private static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static (YamlMappingNode Root, long Nodes)? Load(string text, string file)
    {
        try
        {
            var parser = new BoundedParser(new Parser(new Scanner(new StringReader(text), skipComments: true)), file);
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents is [{ RootNode: YamlMappingNode root }] ? (root, parser.Nodes) : null;
        }
        catch (Exception e) when (e is YamlException or ScenarioException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The first half's tree with the second's agents and keys added, or null where the halves do not join as the whole would read.</summary>
    private static YamlMappingNode? Join((YamlMappingNode Root, long Nodes) first, (YamlMappingNode Root, long Nodes) second, (int AgentsLine, int AgentsLineEnd, int At) split)
    {
        // Each half counts the nodes both hold (the root, the key agents and its list) once more: a
        // sum within the limit means the whole is, and a sum past it leaves the message to the whole.
        // Both halves' key agents must be the line the text was split by, and the second half's
        // list must start at the split: otherwise that line lay inside a value (a quoted one can
        // span lines) and the whole may read differently, or not at all.
        if (first.Nodes + second.Nodes > ScenarioLimits.MaxYamlNodes
            || first.Root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "agents" }) is not ({ } firstKey, YamlSequenceNode agents)
            || firstKey.Start.Index != split.AgentsLine
            || second.Root.Children.FirstOrDefault() is not ({ } key, YamlSequenceNode moreAgents) || key is not YamlScalarNode { Value: "agents" }
            || key.Start.Index != split.AgentsLine
            || moreAgents.Start.Index < split.At)
        {
            return null;
        }

        var later = second.Root.Children.Skip(1).ToList();
        if (later.Any(kv => first.Root.Children.ContainsKey(kv.Key)))
        {
            return null;
        }

        foreach (var entry in moreAgents.Children)
        {
            agents.Add(entry);
        }

        foreach (var (k, v) in later)
        {
            first.Root.Add(k, v);
        }

        return first.Root;
    }

    [GeneratedRegex(@"^(---|\.\.\.|%)", RegexOptions.Multiline)]
    private static partial Regex DocumentMarker();

    [GeneratedRegex(@"^agents:[ \t]*(#[^\n]*)?(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex AgentsLine();

    /// <summary>The first line after the key that is neither blank nor a comment: an entry of the list, with its indentation.</summary>
    [GeneratedRegex(@"\G(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)- ")]
    private static partial Regex EntryIndent();
}
