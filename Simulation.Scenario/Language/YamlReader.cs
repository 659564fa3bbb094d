using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Reads typed values out of a YAML representation tree and records a positioned diagnostic
/// for every value that is missing, misspelt or of the wrong type. Methods return null on
/// error, so the loader can carry on and report everything at once.
/// </summary>
internal sealed partial class YamlReader(string file)
{
    private readonly List<ScenarioDiagnostic> _diagnostics = [];

    // (mapping, key) pairs that a misspelt key in that mapping was probably meant to be.
    private readonly HashSet<(YamlMappingNode, string)> _misspelt = [];

    public string File { get; } = file;

    public IReadOnlyList<ScenarioDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    public static SourcePosition At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    public void Error(SourcePosition at, string message) => _diagnostics.Add(new ScenarioDiagnostic(File, at, message));

    public void Error(YamlNode node, string message) => Error(At(node), message);

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        YamlMappingNode => "a mapping (key: value)",
        YamlSequenceNode => "a list",
        _ => "something else",
    };

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, $"expected a mapping (key: value lines) for {what}, found {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq;
        }

        Error(node, $"expected a list for {what}, found {Describe(node)}");
        return null;
    }

    /// <summary>Reports keys not in <paramref name="allowed"/>, suggesting the nearest allowed one.</summary>
    public void CheckKeys(YamlMappingNode map, string what, IReadOnlyList<string> allowed)
    {
        // By index: the keys' enumerator and its projection were two allocations per mapping.
        var children = map.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var key = children[i].Key;
            if (key is not YamlScalarNode { Value: { } name })
            {
                Error(key, $"expected a plain key in {what}, found {Describe(key)}");
                continue;
            }

            if (!allowed.Contains(name))
            {
                if (DidYouMean.Suggest(name, allowed) is { } meant)
                {
                    _misspelt.Add((map, meant));
                }

                Error(key, $"unknown key '{name}' in {what}{DidYouMean.Hint(name, allowed)} (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    /// <summary>
    /// The value of <paramref name="key"/> in <paramref name="map"/>: what a lookup by the scalar
    /// node of <paramref name="key"/> finds (a key scalar without a tag, of that value).
    /// </summary>
    /// <remarks>
    /// A lookup by a new scalar node made that node, and YamlDotNet's equality boxed both nodes'
    /// tags where it found the key, for every key every binder asks for (about 40 MB in Germany's
    /// binding). A mapping of up to <see cref="ScannedUpTo"/> keys, which nearly all are, is
    /// scanned in its order without an allocation; a larger one is looked up by a node kept for
    /// the thread (its tags are still boxed where the key is found).
    /// </remarks>
    public static YamlNode? Get(YamlMappingNode map, string key)
    {
        var children = map.Children;
        if (children.Count > ScannedUpTo)
        {
            var probe = t_probe ??= new YamlScalarNode();
            probe.Value = key;
            return children.TryGetValue(probe, out var found) ? found : null;
        }

        for (var i = 0; i < children.Count; i++)
        {
            var (k, value) = children[i];
            if (k is YamlScalarNode { Tag.IsEmpty: true } scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Up to this many keys a mapping is scanned rather than hashed (<see cref="Get"/>).</summary>
    internal const int ScannedUpTo = 16;

    [ThreadStatic]
    private static YamlScalarNode? t_probe;

    public static YamlNode? GetKeyNode(YamlMappingNode map, string key)
    {
        var children = map.Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Key is YamlScalarNode { Value: { } v } k && v == key)
            {
                return k;
            }
        }

        return null;
    }

    public YamlNode? Require(YamlMappingNode map, string key, string what, string? hint = null)
    {
        var value = Get(map, key);
        if (value is null)
        {
            ReportMissing(map, key, $"missing required key '{key}' in {what}{hint}");
        }

        return value;
    }

    /// <summary>Reports a missing key, unless a misspelling of it was already reported: one fault, one message.</summary>
    public void ReportMissing(YamlMappingNode map, string key, string message)
    {
        if (!_misspelt.Contains((map, key)))
        {
            Error(map, message);
        }
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } && value.Length > 0)
        {
            return value;
        }

        Error(node, $"expected a single value for {what}, found {Describe(node)}");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();

    public string? Id(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(text))
        {
            Error(node, $"expected an identifier for {what} (letters, digits, '-', '_' or '.', starting with a letter or digit, at most 64 characters), found '{text}'");
            return null;
        }

        return text;
    }

    public long? Integer(YamlNode node, string what, long min, long max, string? rangeNote = null)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"expected a whole number for {what}, found '{text}'");
            return null;
        }

        if (value < min || value > max)
        {
            Error(node, RangeMessage(what, text, min.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture), rangeNote));
            return null;
        }

        return value;
    }

    public ulong? UnsignedInteger(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!ulong.TryParse(text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"expected a non-negative whole number for {what}, found '{text}'");
            return null;
        }

        return value;
    }

    public double? Number(YamlNode node, string what, double min, double max, bool minExclusive = false)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!TryParseNumber(text, out var value))
        {
            Error(node, $"expected a number for {what}, found '{text}'");
            return null;
        }

        if (value < min || (minExclusive && value <= min) || value > max)
        {
            var lower = minExclusive ? $"greater than {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
            Error(node, $"{what} must be {lower} and at most {max.ToString(CultureInfo.InvariantCulture)}, found '{text}'");
            return null;
        }

        return value;
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Replace("_", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public DateOnly? Date(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(node, $"expected a date as YYYY-MM-DD for {what}, found '{text}'");
            return null;
        }

        return date;
    }

    public bool? Boolean(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool>(node, $"expected true or false for {what}, found '{text}'"),
        };
    }

    /// <summary>A list of scalars; a single scalar is not accepted, to keep files uniform.</summary>
    public List<(string Value, YamlNode Node)>? ScalarList(YamlNode node, string what)
    {
        var seq = Sequence(node, what);
        if (seq is null)
        {
            return null;
        }

        var result = new List<(string, YamlNode)>();
        foreach (var item in seq.Children)
        {
            if (Scalar(item, $"an entry of {what}") is { } v)
            {
                result.Add((v, item));
            }
        }

        return result;
    }

    public T? Fail<T>(YamlNode node, string message)
        where T : struct
    {
        Error(node, message);
        return null;
    }

    public static string RangeMessage(string what, string found, string min, string max, string? note) =>
        $"{what} must be between {min} and {max}{(note is null ? "" : " " + note)}, found '{found}'";
}
