using System.Text.RegularExpressions;
using IsdnSim.Scenario.Language;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Uncertainty;

/// <summary>
/// The figures a scenario file labels ASSUMPTION in its comments. A comment carries the label
/// when it has the word <c>ASSUMPTION</c> (capitals; not followed by a lower-case word, so that
/// "figures marked ASSUMPTION have no source" is prose, not a label). The label covers:
/// <list type="bullet">
/// <item>at the end of a line: the values written on that line;</item>
/// <item>on lines of its own: the entry (a key with all below it, or a list item) that starts on
/// the line right after the comment; a blank line in between leaves it covering nothing;</item>
/// <item>if the comment names keys in backquotes (<c>`staff_factor`</c>), only the values under those keys.</item>
/// </list>
/// Values of keys that name or refer rather than state a figure (<see cref="ScenarioKeys.NotFigures"/>:
/// id, name, role, ...) are not listed; a list of values (<c>values: [1wd, 2wd]</c>) counts as one.
/// </summary>
public static partial class AssumptionLabels
{
    /// <summary>Every label of <paramref name="text"/> in file order; throws <see cref="YamlException"/> if the text is not YAML.</summary>
    public static IReadOnlyList<AssumptionLabel> Find(string text)
    {
        var root = ScenarioLoader.LoadYaml(text, "the scenario").Documents[0].RootNode;
        var values = new List<LabelledValue>();
        var entries = new Dictionary<int, List<LabelledValue>>();
        Walk(root, "", null, values, entries, null);
        var lines = text.Split('\n');

        var labels = new List<AssumptionLabel>();
        foreach (var comment in Comments(text))
        {
            if (!Label().IsMatch(comment.Text))
            {
                continue;
            }

            List<LabelledValue> covered;
            if (comment.Inline)
            {
                covered = [.. values.Where(v => v.Line == comment.FirstLine)];
            }
            else
            {
                var next = comment.LastLine + 1;
                var blank = next > lines.Length || lines[next - 1].Trim().Length == 0;
                covered = !blank && entries.TryGetValue(next, out var entry) ? entry : [];
            }

            var keys = Backquoted().Matches(comment.Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            if (keys.Count > 0)
            {
                covered = [.. covered.Where(v => v.Path.Split('.').Any(keys.Contains))];
            }

            labels.Add(new AssumptionLabel(comment.FirstLine, Excerpt(comment.Text), [.. covered.Where(v => !ScenarioKeys.NotFigures.Contains(v.Key))]));
        }

        return labels;
    }

    /// <summary>
    /// Records every value (a scalar, or a list of scalars as one) with its path, and for each line
    /// the values of the entry that starts there (the first key or list item met on it, in file order).
    /// </summary>
    private static void Walk(YamlNode node, string path, string? key, List<LabelledValue> values, Dictionary<int, List<LabelledValue>> entries, List<LabelledValue>?[]? open)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                Add(new LabelledValue(path, key ?? "", scalar.Value ?? "", (int)scalar.Start.Line, (int)scalar.Start.Index, (int)scalar.End.Index), values, open);
                return;
            case YamlSequenceNode seq when seq.Children.Count > 0 && seq.Children.All(c => c is YamlScalarNode):
                // A list's own end is where it opens (the representation keeps the start event's marks); its last item ends it.
                var text = "[" + string.Join(", ", seq.Children.Select(c => ((YamlScalarNode)c).Value)) + "]";
                Add(new LabelledValue(path, key ?? "", text, (int)seq.Start.Line, (int)seq.Start.Index, (int)seq.Children[^1].End.Index), values, open);
                return;
        }

        foreach (var (name, child, start) in Named(node))
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            var childKey = node is YamlMappingNode ? name : key;
            var line = (int)start.Line;
            var opened = entries.TryAdd(line, []) ? entries[line] : null;
            Walk(child, childPath, childKey, values, entries, opened is null ? open : [.. open ?? [], opened]);
        }
    }

    private static void Add(LabelledValue value, List<LabelledValue> values, List<LabelledValue>?[]? open)
    {
        values.Add(value);
        foreach (var entry in open ?? [])
        {
            entry!.Add(value);
        }
    }

    /// <summary>A mapping's entries (by key, starting where the key does) or a list's items (by id, else position), as paths name them.</summary>
    private static IEnumerable<(string Name, YamlNode Node, Mark Start)> Named(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Where(kv => kv.Key is YamlScalarNode { Value: not null })
            .Select(kv => (((YamlScalarNode)kv.Key).Value!, kv.Value, kv.Key.Start)),
        YamlSequenceNode seq => seq.Children.Select((c, i) => (Id(c) ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture), c, c.Start)),
        _ => [],
    };

    private static string? Id(YamlNode node) =>
        node is YamlMappingNode m && m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "id" }).Value is YamlScalarNode { Value: { } id } ? id : null;

    /// <summary>The comments of the text, consecutive comment lines of their own joined into one.</summary>
    private static List<(int FirstLine, int LastLine, bool Inline, string Text)> Comments(string text)
    {
        var comments = new List<(int FirstLine, int LastLine, bool Inline, string Text)>();
        var scanner = new Scanner(new StringReader(text), skipComments: false);
        while (scanner.MoveNext())
        {
            if (scanner.Current is not Comment c)
            {
                continue;
            }

            var line = (int)c.Start.Line;
            if (!c.IsInline && comments.Count > 0 && comments[^1] is { Inline: false } last && last.LastLine == line - 1)
            {
                comments[^1] = (last.FirstLine, line, false, $"{last.Text} {c.Value.Trim()}");
            }
            else
            {
                comments.Add((line, line, c.IsInline, c.Value.Trim()));
            }
        }

        return comments;
    }

    /// <summary>The clause of the comment that holds the label: from the start of its sentence or bracket to its end, at most 100 characters.</summary>
    private static string Excerpt(string comment)
    {
        var at = Label().Match(comment).Index;
        static int After(int index, int length) => index < 0 ? 0 : index + length;
        var start = Math.Max(After(comment.LastIndexOf('(', at), 1),
            Math.Max(After(comment.LastIndexOf("; ", at, StringComparison.Ordinal), 2), After(comment.LastIndexOf(". ", at, StringComparison.Ordinal), 2)));
        var depth = 0;
        var end = comment.Length;
        for (var i = at; i < comment.Length; i++)
        {
            var c = comment[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth-- == 0)
            {
                end = i;
                break;
            }
            else if (depth == 0 && c == '.' && (i + 1 == comment.Length || comment[i + 1] == ' '))
            {
                end = i;
                break;
            }
        }

        var clause = comment[start..end].Trim();
        return clause.Length <= 100 ? clause : clause[..99].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\bASSUMPTION\b(?!\s+[a-z])")]
    private static partial Regex Label();

    [GeneratedRegex(@"`([A-Za-z0-9_.-]+)`")]
    private static partial Regex Backquoted();
}

/// <summary>A comment labelled ASSUMPTION: its line, the clause that says what is assumed, and the values it covers.</summary>
public sealed record AssumptionLabel(int Line, string Comment, IReadOnlyList<LabelledValue> Values);

/// <summary>
/// A value of the file, addressed as <c>sweep --set</c> addresses it (<see cref="Path"/>, lists
/// by their items' ids), under <see cref="Key"/>, as written (<see cref="Text"/>; a list of
/// values as [a, b]); <see cref="Start"/> and <see cref="End"/> are its place in the text.
/// </summary>
public sealed record LabelledValue(string Path, string Key, string Text, int Line, int Start, int End);
