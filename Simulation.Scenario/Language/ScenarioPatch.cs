using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Sets values of a scenario file by path, in its text: only the characters of each value
/// change, so the result reads like the file (comments kept) and every other line and column is
/// where it was, for messages that point into the user's own file. A path walks the file's
/// mappings by key and its lists by the item's id (or its position, from 0):
/// <c>agents.lk-havelheide.agencies.building.staff</c>, <c>variants.austerity.operations.0.staff_factor</c>.
/// </summary>
public static class ScenarioPatch
{
    /// <summary>
    /// The text with every (path, value) set; throws <see cref="FormatException"/> naming the path if one does not lead to a value,
    /// <see cref="ScenarioException"/> if the text is past the scenario limits on nesting and size.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<(string Path, string Value)> values)
    {
        if (values.Count == 0)
        {
            return text;
        }

        // Where each path's value sits, found once per text (a design sets the same paths in the same text thousands of times).
        var spans = Spans.GetValue(text, _ => new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal));
        List<(int Start, int End, string Value)> edits;
        lock (spans)
        {
            if (values.Any(v => !spans.ContainsKey(v.Path)))
            {
                var root = ScenarioLoader.LoadYaml(text, "the scenario").Documents[0].RootNode;
                foreach (var (path, _) in values.Where(v => !spans.ContainsKey(v.Path)))
                {
                    var node = Find(root, path);
                    spans[path] = ((int)node.Start.Index, (int)node.End.Index);
                }
            }

            // A path set twice takes its last value, as a later --set does.
            edits = [.. values.GroupBy(v => v.Path, StringComparer.Ordinal).Select(g => (spans[g.Key].Start, spans[g.Key].End, g.Last().Value)).OrderBy(e => e.Start)];
        }

        // One pass over the text: a design writes a point's few values into a text of 100,000 characters thousands of times.
        var result = new System.Text.StringBuilder(text.Length + edits.Sum(e => e.Value.Length + 2));
        var at = 0;
        foreach (var (start, end, value) in edits)
        {
            result.Append(text, at, start - at).Append(Quote(value));
            at = end;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The character spans of the values found so far, by path, per text (the string itself; dropped with it).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, Dictionary<string, (int Start, int End)>> Spans = new();

    private static YamlScalarNode Find(YamlNode root, string path) =>
        Locate(root, path, out var problem) ?? throw new FormatException($"--set {path}: {problem}");

    /// <summary>
    /// The value <paramref name="path"/> leads to in the YAML tree <paramref name="root"/>, or null
    /// with <paramref name="problem"/> saying why (not a key, no such item, a list or mapping, a block value).
    /// </summary>
    public static YamlScalarNode? Locate(YamlNode root, string path, out string problem)
    {
        var node = root;
        var rest = path;
        var walked = "";
        problem = "";
        while (rest.Length > 0)
        {
            var here = walked.Length == 0 ? "the top of the file" : walked;
            var children = Children(node);
            if (children is null)
            {
                problem = $"{here} is a value, not a mapping or a list";
                return null;
            }

            // Keys and ids may contain '.', so the longest name the rest of the path starts with wins.
            var match = children.Where(c => rest == c.Name || rest.StartsWith(c.Name + ".", StringComparison.Ordinal))
                .OrderByDescending(c => c.Name.Length).FirstOrDefault();
            if (match.Node is null)
            {
                var segment = rest.Split('.')[0];
                var names = children.Select(c => c.Name).Where(n => !n.All(char.IsAsciiDigit));
                problem = node is YamlMappingNode
                    ? $"'{segment}' is not a key at {here}{DidYouMean.Hint(segment, names)} (a value must be written in the file to be set)"
                    : $"no item '{segment}' in the list at {here}{DidYouMean.Hint(segment, names)} (items are named by id, or by position from 0)";
                return null;
            }

            node = match.Node;
            walked = walked.Length == 0 ? match.Name : $"{walked}.{match.Name}";
            rest = rest == match.Name ? "" : rest[(match.Name.Length + 1)..];
        }

        switch (node)
        {
            case YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded }:
                problem = "this is a block value (| or >); write it on one line in the file to set it";
                return null;
            case YamlScalarNode scalar:
                return scalar;
            default:
                problem = $"this is {YamlReader.Describe(node)}, not a single value";
                return null;
        }
    }

    /// <summary>
    /// The named children of a mapping (by key) or a list (by id, then by position from 0), as a
    /// path names them; null for a value.
    /// </summary>
    internal static List<(string Name, YamlNode Node)>? Children(YamlNode node) => node switch
    {
        YamlMappingNode map => [.. map.Children.Where(kv => kv.Key is YamlScalarNode).Select(kv => (((YamlScalarNode)kv.Key).Value!, kv.Value))],
        YamlSequenceNode seq => [.. seq.Children.Select(c => (Name: c is YamlMappingNode m && Id(m) is { } id ? id : "", Node: c)).Where(c => c.Name.Length > 0),
            .. seq.Children.Select((c, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), c))],
        _ => null,
    };

    private static string? Id(YamlMappingNode map) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "id" }).Value is YamlScalarNode v ? v.Value : null;

    /// <summary>Plain when YAML reads it back as the same text, else double-quoted.</summary>
    internal static string Quote(string value) =>
        value.Length > 0 && value.IndexOfAny([':', '#', ',', '[', ']', '{', '}', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`']) < 0
                         && value.Trim() == value
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
