using IsdnSim.Core.Scenario;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Core.Experiments;

/// <summary>
/// Sets values of a scenario file by path, in its text: only the characters of each value
/// change, so the result reads like the file (comments kept) and every other line and column is
/// where it was, for messages that point into the user's own file. A path walks the file's
/// mappings by key and its lists by the item's id (or its position, from 0):
/// <c>agents.lk-havelheide.agencies.building.staff</c>, <c>variants.austerity.operations.0.staff_factor</c>.
/// </summary>
public static class ScenarioPatch
{
    /// <summary>The text with every (path, value) set; throws <see cref="FormatException"/> naming the path if one does not lead to a value.</summary>
    public static string Apply(string text, IReadOnlyList<(string Path, string Value)> values)
    {
        if (values.Count == 0)
        {
            return text;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = stream.Documents[0].RootNode;
        var edits = values.Select(v => (Node: Find(root, v.Path), v.Value))
            .OrderByDescending(e => e.Node.Start.Index)
            .ToList();

        var result = text;
        foreach (var (node, value) in edits)
        {
            var start = (int)node.Start.Index;
            var end = (int)node.End.Index;
            result = string.Concat(result.AsSpan(0, start), Quote(value), result.AsSpan(end));
        }

        return result;
    }

    private static YamlScalarNode Find(YamlNode root, string path)
    {
        var node = root;
        var walked = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var here = walked.Count == 0 ? "the top of the file" : string.Join('.', walked);
            node = node switch
            {
                YamlMappingNode map => map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == segment).Value
                    ?? throw new FormatException($"--set {path}: '{segment}' is not a key at {here}{DidYouMean.Hint(segment, Keys(map))}" +
                                                 " (a value must be written in the file to be swept)"),
                YamlSequenceNode seq => Item(seq, segment) ?? throw new FormatException(
                    $"--set {path}: no item '{segment}' in the list at {here}{DidYouMean.Hint(segment, Ids(seq))} (items are named by id, or by position from 0)"),
                _ => throw new FormatException($"--set {path}: {here} is a value, not a mapping or a list"),
            };
            walked.Add(segment);
        }

        return node as YamlScalarNode ?? throw new FormatException($"--set {path}: this is {YamlReader.Describe(node)}, not a single value");
    }

    private static YamlNode? Item(YamlSequenceNode seq, string segment)
    {
        var byId = seq.Children.FirstOrDefault(c => c is YamlMappingNode m && Id(m) == segment);
        if (byId is not null)
        {
            return byId;
        }

        return int.TryParse(segment, out var i) && i >= 0 && i < seq.Children.Count ? seq.Children[i] : null;
    }

    private static string? Id(YamlMappingNode map) =>
        map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "id" }).Value is YamlScalarNode v ? v.Value : null;

    private static IEnumerable<string> Keys(YamlMappingNode map) => map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!);

    private static IEnumerable<string> Ids(YamlSequenceNode seq) => seq.Children.OfType<YamlMappingNode>().Select(Id).OfType<string>();

    /// <summary>Plain when YAML reads it back as the same text, else double-quoted.</summary>
    private static string Quote(string value) =>
        value.Length > 0 && value.IndexOfAny([':', '#', ',', '[', ']', '{', '}', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`']) < 0
                         && value.Trim() == value
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
