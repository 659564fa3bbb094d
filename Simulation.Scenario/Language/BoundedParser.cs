using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Passes YamlDotNet's parsing events through, stopping at the first that would take the file
/// past <see cref="ScenarioLimits.MaxNesting"/> or <see cref="ScenarioLimits.MaxYamlNodes"/>,
/// before the representation tree (which is built recursively) holds it. An alias counts as a
/// copy of everything its anchor holds, as deep and as many: that is what code walking the tree
/// sees, so a billion-laughs file stops after a few thousand events instead of running for
/// hours. An alias must name an anchor defined, and closed, before it (YAML says so; an alias
/// inside its own anchor would make the tree a cycle). Throws <see cref="ScenarioException"/>.
/// </summary>
internal sealed class BoundedParser(IParser inner, string file) : IParser
{
    // Each mapping or list open around the current event: its anchor, and the nodes and levels under it so far.
    private readonly List<(string? Anchor, long Nodes, int Height)> _open = [];

    // Anchors of the current document: the size and height of what each holds, or null while it is still open.
    private readonly Dictionary<string, (long Nodes, int Height)?> _anchors = [];

    private long _nodes;

    /// <summary>The nodes read so far, an alias counted as what its anchor holds.</summary>
    public long Nodes => _nodes;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case DocumentStart:
                _anchors.Clear();
                break;
            case Scalar scalar:
                Count(scalar, 1);
                Close(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1, 0);
                break;
            case NodeEvent start and (MappingStart or SequenceStart):
                if (_open.Count == ScenarioLimits.MaxNesting)
                {
                    throw Problem(start, $"mappings and lists are nested more than {ScenarioLimits.MaxNesting} levels deep here, the limit for a scenario (the shipped ones need 7): is a ']' or '}}' missing, or is it the right file?");
                }

                Count(start, 1);
                if (!start.Anchor.IsEmpty)
                {
                    _anchors[start.Anchor.Value] = null;
                }

                _open.Add((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1, 1));
                break;
            case MappingEnd or SequenceEnd:
                var (anchor, nodes, height) = _open[^1];
                _open.RemoveAt(_open.Count - 1);
                Close(anchor, nodes, height);
                break;
            case AnchorAlias alias:
                Repeat(alias);
                break;
        }

        return true;
    }

    private void Repeat(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var anchored))
        {
            throw Problem(alias, $"alias '*{name}' names no anchor: an anchor '&{name}' must come before it");
        }

        if (anchored is not { } held)
        {
            throw Problem(alias, $"alias '*{name}' is inside the value of its own anchor '&{name}': a value cannot contain itself");
        }

        if (_open.Count + held.Height > ScenarioLimits.MaxNesting)
        {
            throw Problem(alias, $"alias '*{name}' puts what '&{name}' holds ({held.Height} levels) more than {ScenarioLimits.MaxNesting} levels deep, the limit for a scenario (the shipped ones need 7)");
        }

        if (_nodes + held.Nodes > ScenarioLimits.MaxYamlNodes)
        {
            throw Problem(alias, $"alias '*{name}' repeats {N(held.Nodes)} keys and values, and takes the file past {N(ScenarioLimits.MaxYamlNodes)}, the limit for a scenario (an alias counts as a copy of what its anchor holds): is the file an alias bomb?");
        }

        Count(alias, held.Nodes);
        AddToParent(held.Nodes, held.Height);
    }

    // The message is written only when the limit is passed, not formatted (two numbers and a
    // string of 200 characters) for each of Germany's 430,000 events.
    private void Count(ParsingEvent at, long nodes)
    {
        _nodes += nodes;
        if (_nodes > ScenarioLimits.MaxYamlNodes)
        {
            throw Problem(at, $"the file holds more than {N(ScenarioLimits.MaxYamlNodes)} keys and values, the limit for a scenario (germany.yaml has about 430,000): is it the right file?");
        }
    }

    private void Close(string? anchor, long nodes, int height)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = (nodes, height);
        }

        AddToParent(nodes, height);
    }

    private void AddToParent(long nodes, int height)
    {
        if (_open.Count > 0)
        {
            var (anchor, parentNodes, parentHeight) = _open[^1];
            _open[^1] = (anchor, parentNodes + nodes, Math.Max(parentHeight, height + 1));
        }
    }

    private ScenarioException Problem(ParsingEvent at, string message) =>
        new([new ScenarioDiagnostic(file, new SourcePosition((int)at.Start.Line, (int)at.Start.Column), message)]);

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
