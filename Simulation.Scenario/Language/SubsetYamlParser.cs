using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using TagDirective = YamlDotNet.Core.Tokens.TagDirective;
using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Reads the YAML the scenario files are written in faster than YamlDotNet's <see cref="Parser"/>
/// (about a third of its time on Germany), and hands out exactly the events that parser would:
/// the same types, values, styles, flags and positions (line, column and index where each starts
/// and ends). It reads a subset: one document whose root is a block mapping; block mappings and
/// lists by indentation (a list also at its key's indentation); flow mappings and lists, also
/// over several lines; plain scalars on one line; quoted scalars on one line without escapes;
/// folded and literal block scalars whose lines are all as indented as the first; and comments.
/// <see cref="TryRead"/> reads the whole text before the first event is handed out, and gives
/// null for anything else (a value over several lines, an anchor, an alias, a tag, a '?' key, a
/// document marker or directive, a tab, a carriage return, a character outside the printable
/// ones, nesting past <see cref="ScenarioLimits.MaxNesting"/>, any syntax error): the caller then
/// reads the text with YamlDotNet, so an unusual or broken file gets YamlDotNet's reading and its
/// messages.
/// </summary>
internal sealed class SubsetYamlParser : IParser
{
    private readonly string _text;
    private readonly List<Recorded> _events;
    private int _next;

    private readonly List<BlockScalar> _blockScalars;

    private SubsetYamlParser(string text, List<Recorded> events, List<BlockScalar> blockScalars)
    {
        _text = text;
        _events = events;
        _blockScalars = blockScalars;
    }

    /// <summary>A block scalar's value (its lines folded or kept) and where it ends (on a later line than it starts).</summary>
    private readonly record struct BlockScalar(string Value, Mark End);

    /// <summary>The kinds of event recorded; a scalar's kind holds its style and whether it is a key.</summary>
    private enum Kind : byte
    {
        StreamStart,
        DocumentStart,
        DocumentEnd,
        StreamEnd,
        BlockMappingStart,
        FlowMappingStart,
        MappingEnd,
        BlockSequenceStart,
        FlowSequenceStart,
        SequenceEnd,
        Plain,
        PlainKey,
        SingleQuoted,
        SingleQuotedKey,
        DoubleQuoted,
        DoubleQuotedKey,
        Folded,
        Literal,
    }

    /// <summary>
    /// An event as read: where it starts (index, line, column) and how many characters it spans
    /// on that line (every event of the subset but a block scalar ends on the line it starts). A
    /// scalar's value is the text it spans, without the quotes of a quoted one. A block scalar's
    /// length is the number of its <see cref="BlockScalar"/> instead.
    /// </summary>
    private readonly record struct Recorded(Kind Kind, int Index, int Line, int Column, int Length);

    public ParsingEvent? Current { get; private set; }

    /// <summary>A parser handing out the events of <paramref name="text"/>, or null for a text outside the subset (see the class).</summary>
    public static SubsetYamlParser? TryRead(string text) =>
        new Reader(text) is var reader && reader.Read() is { } events ? new SubsetYamlParser(text, events, reader.BlockScalars) : null;

    public bool MoveNext()
    {
        if (_next == _events.Count)
        {
            Current = null;
            return false;
        }

        Current = Create(_events[_next++]);
        return true;
    }

    private ParsingEvent Create(Recorded e)
    {
        var (start, end) = (StartOf(e), EndOf(e));
        return e.Kind switch
        {
            Kind.BlockMappingStart => new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, end),
            Kind.FlowMappingStart => new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, start, end),
            Kind.MappingEnd => new MappingEnd(start, end),
            Kind.BlockSequenceStart => new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, start, end),
            Kind.FlowSequenceStart => new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, start, end),
            Kind.SequenceEnd => new SequenceEnd(start, end),
            Kind.StreamStart => new StreamStart(start, end),
            Kind.DocumentStart => new DocumentStart(null, new TagDirectiveCollection(DefaultTags), true, start, end),
            Kind.DocumentEnd => new DocumentEnd(true, start, end),
            Kind.StreamEnd => new StreamEnd(start, end),
            _ => ScalarEvent(e),
        };
    }

    /// <summary>A scalar's event: a plain one plain-implicit, a quoted or block one quoted-implicit (YamlDotNet's flags).</summary>
    private Scalar ScalarEvent(Recorded e)
    {
        var (value, style, start, end) = ScalarOf(e);
        var plain = style == ScalarStyle.Plain;
        return new Scalar(AnchorName.Empty, TagName.Empty, value, style, plain, !plain, start, end,
            e.Kind is Kind.PlainKey or Kind.SingleQuotedKey or Kind.DoubleQuotedKey);
    }

    /// <summary>
    /// A recorded scalar's value and style, and where it starts and ends, as its event and its
    /// node both have them: a quoted one's value without its quotes, a block one's as read (it
    /// ends on a later line).
    /// </summary>
    private (string Value, ScalarStyle Style, Mark Start, Mark End) ScalarOf(Recorded e) => e.Kind switch
    {
        Kind.Plain or Kind.PlainKey => (_text.Substring(e.Index, e.Length), ScalarStyle.Plain, StartOf(e), EndOf(e)),
        Kind.SingleQuoted or Kind.SingleQuotedKey => (_text.Substring(e.Index + 1, e.Length - 2), ScalarStyle.SingleQuoted, StartOf(e), EndOf(e)),
        Kind.DoubleQuoted or Kind.DoubleQuotedKey => (_text.Substring(e.Index + 1, e.Length - 2), ScalarStyle.DoubleQuoted, StartOf(e), EndOf(e)),
        Kind.Folded => (_blockScalars[e.Length].Value, ScalarStyle.Folded, StartOf(e), _blockScalars[e.Length].End),
        _ => (_blockScalars[e.Length].Value, ScalarStyle.Literal, StartOf(e), _blockScalars[e.Length].End),
    };

    private static Mark StartOf(Recorded e) => new(e.Index, e.Line, e.Column);

    /// <summary>Where an event on one line ends (every event of the subset but a block scalar).</summary>
    private static Mark EndOf(Recorded e) => new(e.Index + e.Length, e.Line, e.Column + e.Length);

    /// <summary>
    /// The root of the tree YamlDotNet's <see cref="YamlStream"/> builds from these events, built
    /// from the events as recorded, without making them (Germany's 430,000 event objects, and the
    /// node limit's count of them, took more time than the tree): the same node types, values,
    /// styles, tags and anchors (none), positions where each starts and ends, and keys in the same
    /// order. Null where YamlDotNet's load would fail or stop (a duplicate key, more nodes than
    /// <see cref="ScenarioLimits.MaxYamlNodes"/>), or where the YamlDotNet in use does not have the
    /// private members set here: the caller then loads the events, as before, and gets that load's
    /// message.
    /// </summary>
    /// <remarks>
    /// A node's position has no public setter, so it is set as YamlDotNet's load sets it, through
    /// the runtime's accessors of its private members (<see cref="UnsafeAccessorAttribute"/>), as is
    /// the mark YamlDotNet gives a plain null scalar so that it writes it back as plain. The version
    /// is pinned; SubsetYamlParserTests hold every tree built against YamlDotNet's, these members
    /// included.
    /// </remarks>
    public YamlNode? TryBuildTree()
    {
        // Nodes as BoundedParser counts them (scalars and collections; the subset has no aliases),
        // counted before any is built: past the limit the events' load stops with its message.
        var nodes = 0;
        foreach (var e in _events)
        {
            if (e.Kind is not (Kind.StreamStart or Kind.DocumentStart or Kind.DocumentEnd or Kind.StreamEnd or Kind.MappingEnd or Kind.SequenceEnd))
            {
                nodes++;
            }
        }

        if (nodes > ScenarioLimits.MaxYamlNodes)
        {
            return null;
        }

        try
        {
            return BuildTree();
        }
        catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException))
        {
            // A key twice in one mapping: YamlDotNet's ordered dictionary refuses it with exactly
            // this type (any other, such as an index out of range, would be a fault here and is not caught).
            return null;
        }
        catch (MissingMemberException)
        {
            // A YamlDotNet whose private members moved.
            return null;
        }
    }

    private YamlNode? BuildTree()
    {
        // The collections open around the current event (a collection is added to its parent when
        // it opens), and the key read in the innermost mapping whose value is still to come.
        var open = new List<YamlNode>();
        YamlNode? key = null;
        YamlNode? root = null;
        for (var i = 0; i < _events.Count; i++)
        {
            var e = _events[i];
            YamlNode node;
            switch (e.Kind)
            {
                case Kind.StreamStart or Kind.DocumentStart or Kind.DocumentEnd or Kind.StreamEnd:
                    continue;
                case Kind.MappingEnd or Kind.SequenceEnd:
                    open.RemoveAt(open.Count - 1);
                    continue;
                case Kind.BlockMappingStart or Kind.FlowMappingStart:
                    node = new YamlMappingNode { Style = e.Kind == Kind.BlockMappingStart ? MappingStyle.Block : MappingStyle.Flow };
                    Place(node, e);
                    break;
                case Kind.BlockSequenceStart or Kind.FlowSequenceStart:
                    node = new YamlSequenceNode { Style = e.Kind == Kind.BlockSequenceStart ? SequenceStyle.Block : SequenceStyle.Flow };
                    Place(node, e);
                    break;
                default:
                    node = ScalarNode(e);
                    break;
            }

            switch (open.Count == 0 ? null : open[^1])
            {
                case null:
                    root = node;
                    break;
                case YamlSequenceNode list:
                    list.Add(node);
                    break;
                case YamlMappingNode when key is null:
                    // The subset's keys are scalars on one line; anything else is left to the events' load.
                    if (node is not YamlScalarNode)
                    {
                        return null;
                    }

                    key = node;
                    break;
                case YamlMappingNode map:
                    map.Add(key, node);
                    key = null;
                    break;
            }

            if (node is not YamlScalarNode)
            {
                open.Add(node);
            }
        }

        return root;
    }

    private YamlScalarNode ScalarNode(Recorded e)
    {
        var (value, style, start, end) = ScalarOf(e);
        var node = new YamlScalarNode(value) { Style = style };
        SetStart(node, start);
        SetEnd(node, end);

        // As YamlDotNet's load marks a plain null without a tag (so that it is written back plain).
        if (style == ScalarStyle.Plain && value is "" or "~" or "null" or "Null" or "NULL")
        {
            ForceImplicitPlain(node) = true;
        }

        return node;
    }

    /// <summary>Where the node of a collection's start starts and ends, as its event does.</summary>
    private static void Place(YamlNode node, Recorded e)
    {
        SetStart(node, StartOf(e));
        SetEnd(node, EndOf(e));
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Start")]
    private static extern void SetStart(YamlNode node, Mark value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_End")]
    private static extern void SetEnd(YamlNode node, Mark value);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "forceImplicitPlain")]
    private static extern ref bool ForceImplicitPlain(YamlScalarNode node);

    // The tag directives YamlDotNet's parser gives every document that declares none.
    private static readonly TagDirective[] DefaultTags = [new("!", "!"), new("!!", "tag:yaml.org,2002:")];

    /// <summary>Thrown inside the reader where the text leaves the subset; caught by <see cref="Reader.Read"/>.</summary>
    private sealed class OutsideSubset : Exception;

    /// <summary>
    /// Reads the text line by line. A block collection ends, as YamlDotNet's scanner ends it,
    /// where the next token stands less indented than its entries; a line more indented than the
    /// innermost collection after a value would continue that value, or be an error, and leaves
    /// the subset. Lines are crossed between tokens only (in <see cref="NextContent"/>, inside a
    /// flow collection in <see cref="SkipFlowSpace"/>), and by a block scalar, the one event
    /// that ends on a later line than it starts.
    /// </summary>
    private sealed class Reader(string text)
    {
        // YamlDotNet forgets a simple key 1024 characters after its start; keys that long are left to it.
        private const int MaxKeyLength = 1000;

        // Every node is one event, or two for a collection: a text past this many is past
        // ScenarioLimits.MaxYamlNodes, given up so that YamlDotNet and BoundedParser stop it with
        // the limit's message while it streams, instead of this list growing first.
        private const int MaxEvents = 2 * ScenarioLimits.MaxYamlNodes + 4;

        // Germany holds an event every 7.4 characters: the list is allocated once, when the text
        // has passed the character check (a text that fails it allocates nothing).
        private List<Recorded> _events = [];
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private int _depth;

        /// <summary>The block scalars read, in order.</summary>
        public List<BlockScalar> BlockScalars { get; } = [];

        private bool AtEnd => _pos == text.Length;

        private int Offset => _pos - _lineStart;

        public List<Recorded>? Read()
        {
            try
            {
                return ReadStream();
            }
            catch (OutsideSubset)
            {
                return null;
            }
        }

        private List<Recorded> ReadStream()
        {
            Require(OnlyPrintable(text));
            _events = new(Math.Min(text.Length / 7, MaxEvents));
            Add(new Recorded(Kind.StreamStart, 0, 1, 1, 0));
            Require(!IsDocumentMarkerLine(0));
            NextContent();
            Require(!AtEnd && KeyAhead());
            Emit(Kind.DocumentStart, _pos, 0);
            BlockMapping(Offset);
            Require(AtEnd);

            // At the end YamlDotNet's scanner steps onto a line of its own unless it is on a new one.
            var line = _line + (Offset == 0 ? 0 : 1);
            Add(new Recorded(Kind.DocumentEnd, _pos, line, 1, 0));
            Add(new Recorded(Kind.StreamEnd, _pos, line, 1, 0));
            return _events;
        }

        /// <summary>A mapping whose keys stand at <paramref name="indent"/>; starts at its first key.</summary>
        private void BlockMapping(int indent)
        {
            Enter();
            Emit(Kind.BlockMappingStart, _pos, 0);
            while (true)
            {
                Key();
                BlockValue(indent, afterKey: true);
                if (AtEnd || Offset < indent)
                {
                    break;
                }

                Require(Offset == indent && !EntryAhead());
            }

            EmitBlockEnd(Kind.MappingEnd, indent);
            _depth--;
        }

        /// <summary>A list whose entries' '-' stand at <paramref name="indent"/>; starts at its first '-'. An indentless list is one at its key's indentation.</summary>
        private void BlockSequence(int indent, bool indentless)
        {
            Enter();
            Emit(Kind.BlockSequenceStart, _pos, indentless ? 1 : 0);
            while (true)
            {
                _pos++;
                BlockValue(indent, afterKey: false);
                if (AtEnd || Offset < indent)
                {
                    break;
                }

                Require(Offset == indent);
                if (!EntryAhead())
                {
                    // Only a list at its key's indentation ends at the next key.
                    Require(indentless);
                    break;
                }
            }

            EmitBlockEnd(Kind.SequenceEnd, indent);
            _depth--;
        }

        /// <summary>
        /// The value after a key's ':' or a '-' (the current position), in a collection at
        /// <paramref name="indent"/>: on the same line, or on the lines below, more indented (or,
        /// after a key, a list at the key's indentation), or none: an empty scalar where the ':'
        /// or '-' ends.
        /// </summary>
        private void BlockValue(int indent, bool afterKey)
        {
            var empty = new Recorded(Kind.Plain, _pos, _line, Offset + 1, 0);
            SkipSpaces();
            SkipComment();
            if (AtEnd || text[_pos] == '\n')
            {
                NextContent();
                if (!AtEnd && Offset > indent)
                {
                    BlockNode(indent);
                }
                else if (afterKey && !AtEnd && Offset == indent && EntryAhead())
                {
                    BlockSequence(indent, indentless: true);
                }
                else
                {
                    Add(empty);
                }

                return;
            }

            // After a key YamlDotNet allows neither a list nor a mapping on the key's line; after a '-' a mapping.
            Require(!EntryAhead());
            if (afterKey)
            {
                Require(!KeyAhead());
                InlineValue(indent);
            }
            else
            {
                BlockNode(indent);
            }
        }

        /// <summary>The node at the current position, more indented than the collection at <paramref name="indent"/> that holds it.</summary>
        private void BlockNode(int indent)
        {
            if (EntryAhead())
            {
                BlockSequence(Offset, indentless: false);
            }
            else if (KeyAhead())
            {
                BlockMapping(Offset);
            }
            else
            {
                InlineValue(indent);
            }
        }

        /// <summary>A scalar or flow collection and the comment after it, in a collection at <paramref name="indent"/>: the next line must not be more indented.</summary>
        private void InlineValue(int indent)
        {
            if (text[_pos] is '>' or '|')
            {
                ReadBlockScalar(indent);
                NextContent();
                Require(AtEnd || Offset <= indent);
                return;
            }

            if (text[_pos] is '[' or '{')
            {
                FlowCollection(indent);
            }
            else
            {
                Scalar(flow: false, key: false);
            }

            var end = _pos;
            SkipSpaces();
            if (!AtEnd && text[_pos] == '#')
            {
                // A comment needs a space before it (YamlDotNet takes "x"# as an error).
                Require(_pos > end);
                SkipComment();
            }

            Require(AtEnd || text[_pos] == '\n');
            NextContent();
            Require(AtEnd || Offset <= indent);
        }

        /// <summary>
        /// A folded ('&gt;') or literal ('|') scalar in a collection at <paramref name="indent"/>,
        /// with or without a chomping indicator ('-', '+'), and its lines: all as indented as the
        /// first, which follows the header line, with empty lines between them and after them
        /// (no line of spaces only, and no indentation indicator). The position is left at the
        /// start of the first line after it that is not empty, where YamlDotNet ends it.
        /// </summary>
        private void ReadBlockScalar(int indent)
        {
            var (start, line, column) = (_pos, _line, Offset + 1);
            var literal = text[_pos] == '|';
            _pos++;
            var chomping = !AtEnd && text[_pos] is '-' or '+' ? text[_pos++] : ' ';
            Require(!AtEnd && text[_pos] is ' ' or '\n');
            SkipSpaces();
            SkipComment();
            Require(!AtEnd && text[_pos] == '\n');
            NewLine(_pos);
            var contentIndent = Spaces(_pos);
            Require(contentIndent > indent && _pos + contentIndent < text.Length && text[_pos + contentIndent] != '\n');

            var value = new System.Text.StringBuilder();
            var emptyLines = 0;
            var lineBreakAfterLast = false;
            while (true)
            {
                var from = _pos + contentIndent;
                var lineEnd = text.IndexOf('\n', from);
                value.Append(text, from, (lineEnd < 0 ? text.Length : lineEnd) - from);
                if (lineEnd < 0)
                {
                    _pos = text.Length;
                    emptyLines = 0;
                    break;
                }

                NewLine(lineEnd);
                emptyLines = 0;
                while (!AtEnd && text[_pos] == '\n')
                {
                    emptyLines++;
                    NewLine(_pos);
                }

                lineBreakAfterLast = true;
                if (AtEnd)
                {
                    break;
                }

                var spaces = Spaces(_pos);
                Require(_pos + spaces < text.Length && text[_pos + spaces] != '\n' && spaces <= contentIndent);
                if (spaces < contentIndent)
                {
                    Require(!IsDocumentMarkerLine(_pos));
                    break;
                }

                // The next line of the scalar: folded, a single line break is a space and each empty line a line break.
                if (literal)
                {
                    value.Append('\n', 1 + emptyLines);
                }
                else if (emptyLines == 0)
                {
                    value.Append(' ');
                }
                else
                {
                    value.Append('\n', emptyLines);
                }

                lineBreakAfterLast = false;
            }

            if (chomping != '-' && lineBreakAfterLast)
            {
                value.Append('\n');
            }

            if (chomping == '+')
            {
                value.Append('\n', emptyLines);
            }

            BlockScalars.Add(new BlockScalar(value.ToString(), new Mark(_pos, _line, Offset + 1)));
            Add(new Recorded(literal ? Kind.Literal : Kind.Folded, start, line, column, BlockScalars.Count - 1));
        }

        private void NewLine(int at)
        {
            _pos = at + 1;
            _line++;
            _lineStart = _pos;
        }

        private int Spaces(int at)
        {
            var spaces = 0;
            while (at + spaces < text.Length && text[at + spaces] == ' ')
            {
                spaces++;
            }

            return spaces;
        }

        /// <summary>A key of a block mapping, its ':' and the space or line end after it.</summary>
        private void Key()
        {
            var start = _pos;
            Scalar(flow: false, key: true);
            SkipSpaces();
            Require(ColonAt(_pos, flow: false) && _pos - start <= MaxKeyLength);
            _pos++;
        }

        /// <summary>Whether a key and its ':' start at the current position (which is left as it is).</summary>
        private bool KeyAhead()
        {
            var c = text[_pos];
            int end;
            if (c is '\'' or '"')
            {
                end = QuotedEnd(_pos);
                if (end < 0)
                {
                    return false;
                }
            }
            else if (PlainStart(_pos))
            {
                end = PlainEnd(_pos, flow: false);
            }
            else
            {
                return false;
            }

            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            return ColonAt(end, flow: false);
        }

        private bool EntryAhead() =>
            text[_pos] == '-' && (_pos + 1 == text.Length || text[_pos + 1] is ' ' or '\n');

        /// <summary>
        /// A flow mapping or list in a block collection at <paramref name="indent"/>. It may go on
        /// over several lines, broken after its opening bracket, after a ',' or after a value that
        /// is not a plain scalar (where a plain one would go on); every token on a later line is
        /// more indented than the collection holding it.
        /// </summary>
        private void FlowCollection(int indent)
        {
            Enter();
            var mapping = text[_pos] == '{';
            var close = mapping ? '}' : ']';
            Emit(mapping ? Kind.FlowMappingStart : Kind.FlowSequenceStart, _pos, 0);
            _pos++;
            SkipFlowSpace(indent);
            if (text[_pos] != close)
            {
                while (true)
                {
                    if (mapping)
                    {
                        // A key, its ':' and a space, on one line.
                        var start = _pos;
                        Require(text[_pos] is not ('[' or '{'));
                        Scalar(flow: true, key: true);
                        SkipSpaces();
                        Require(ColonAt(_pos, flow: false) && _pos - start <= MaxKeyLength && _pos + 1 < text.Length && text[_pos + 1] == ' ');
                        _pos++;
                        SkipSpaces();
                        Require(!AtEnd);
                    }

                    if (text[_pos] is '[' or '{')
                    {
                        FlowCollection(indent);
                    }
                    else
                    {
                        Scalar(flow: true, key: false);
                    }

                    SkipFlowSpace(indent);
                    if (text[_pos] != ',')
                    {
                        break;
                    }

                    // YamlDotNet takes ",#" as an error, and ", ]" (an empty entry) is left to it.
                    _pos++;
                    Require(AtEnd || text[_pos] != '#');
                    SkipFlowSpace(indent);
                    Require(text[_pos] != close);
                }
            }

            Require(text[_pos] == close);
            Emit(mapping ? Kind.MappingEnd : Kind.SequenceEnd, _pos, 0);
            _pos++;

            // YamlDotNet takes "]#" as an error.
            Require(AtEnd || text[_pos] != '#');
            _depth--;
        }

        /// <summary>Moves past spaces, comments and line breaks inside a flow collection, to a token; on a later line it must stand more indented than <paramref name="indent"/> unless it closes a collection (YamlDotNet fails on a plain scalar there).</summary>
        private void SkipFlowSpace(int indent)
        {
            var later = false;
            while (true)
            {
                SkipSpaces();
                if (!AtEnd && text[_pos] == '#')
                {
                    // A comment needs a space or a line break before it.
                    Require(text[_pos - 1] is ' ' or '\n');
                    SkipComment();
                }

                if (AtEnd || text[_pos] != '\n')
                {
                    break;
                }

                NewLine(_pos);
                Require(!IsDocumentMarkerLine(_pos));
                later = true;
            }

            Require(!AtEnd && (!later || Offset > indent || text[_pos] is ']' or '}'));
        }

        /// <summary>A plain or quoted scalar on one line, recorded as a key or a value; the position is left after it.</summary>
        private void Scalar(bool flow, bool key)
        {
            Require(!AtEnd);
            var start = _pos;
            var c = text[_pos];
            int end;
            Kind kind;
            if (c is '\'' or '"')
            {
                end = QuotedEnd(_pos);
                Require(end > 0);
                kind = c == '\'' ? (key ? Kind.SingleQuotedKey : Kind.SingleQuoted) : (key ? Kind.DoubleQuotedKey : Kind.DoubleQuoted);
            }
            else
            {
                Require(PlainStart(_pos));
                end = PlainEnd(_pos, flow);
                Require(end > start);
                kind = key ? Kind.PlainKey : Kind.Plain;
            }

            Emit(kind, start, end - start);
            _pos = end;
        }

        /// <summary>Where the quoted scalar starting at <paramref name="start"/> ends (after its closing quote), or -1 for one that has an escape or goes on past its line.</summary>
        private int QuotedEnd(int start)
        {
            var quote = text[start];
            var rest = text.AsSpan(start + 1);
            var found = quote == '\'' ? rest.IndexOfAny('\'', '\n') : rest.IndexOfAny('"', '\\', '\n');
            if (found < 0 || rest[found] != quote)
            {
                return -1;
            }

            var end = start + 1 + found + 1;

            // '' inside single quotes is an escaped quote.
            return quote == '\'' && end < text.Length && text[end] == '\'' ? -1 : end;
        }

        /// <summary>Whether a plain scalar may start here: not with an indicator, but '-' followed by a letter or digit.</summary>
        private bool PlainStart(int at) =>
            text[at] switch
            {
                '-' => at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1]),
                ' ' or '\n' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => false,
                _ => true,
            };

        /// <summary>
        /// Where the plain scalar starting at <paramref name="start"/> ends on its line (after its
        /// last character, before trailing spaces): at a ':' followed by a space or the line's end
        /// (in a flow collection also by ','), at a comment, at the line's end, and in a flow
        /// collection at ',', '[', ']', '{' or '}'. -1 where the scalar would go on in a flow
        /// collection past its line or into a comment.
        /// </summary>
        private int PlainEnd(int start, bool flow)
        {
            var p = start;
            var end = start;
            while (true)
            {
                // YamlDotNet lets a word starting with '*' after the first run on past a ': ' unless
                // a simple key is required there (its scanner's alias rule), which depends on where
                // the scalar stands: such a scalar is left to it.
                Require(p == start || text[p] != '*');
                var word = p;
                while (p < text.Length)
                {
                    var c = text[p];
                    if (c is ' ' or '\n' || (flow && c is ',' or '[' or ']' or '{' or '}') || (c == ':' && ColonAt(p, flow)))
                    {
                        break;
                    }

                    p++;
                }

                if (p > word)
                {
                    end = p;
                }

                if (p == text.Length || text[p] is not (' ' or '\n'))
                {
                    return end;
                }

                // Past the spaces (and in a flow collection the line breaks): the scalar goes on unless a comment, the line's end or an indicator follows.
                var lineBreak = false;
                while (p < text.Length && (text[p] == ' ' || (flow && text[p] == '\n')))
                {
                    lineBreak |= text[p++] == '\n';
                }

                if (!flow)
                {
                    if (p == text.Length || text[p] is '\n' or '#')
                    {
                        return end;
                    }

                    continue;
                }

                if (p == text.Length || text[p] == '#')
                {
                    return -1;
                }

                // A flow scalar ends before ',', a bracket or (on its own line) a ':'; one that goes on to a later line is left to YamlDotNet.
                if (text[p] is ',' or '[' or ']' or '{' or '}' || (!lineBreak && ColonAt(p, flow)))
                {
                    return end;
                }

                if (lineBreak)
                {
                    return -1;
                }
            }
        }

        /// <summary>Whether the ':' at <paramref name="at"/> is a value indicator: followed by a space, the line's end or (in a flow collection) ','.</summary>
        private bool ColonAt(int at, bool flow) =>
            at < text.Length && text[at] == ':' && (at + 1 == text.Length || text[at + 1] is ' ' or '\n' || (flow && text[at + 1] == ','));

        /// <summary>Moves past spaces, comments and line breaks to the next token, or the end.</summary>
        private void NextContent()
        {
            while (true)
            {
                SkipSpaces();
                SkipComment();
                if (AtEnd || text[_pos] != '\n')
                {
                    return;
                }

                NewLine(_pos);
                Require(!IsDocumentMarkerLine(_pos));
            }
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }
        }

        private void SkipComment()
        {
            if (_pos < text.Length && text[_pos] == '#')
            {
                var end = text.IndexOf('\n', _pos);
                _pos = end < 0 ? text.Length : end;
            }
        }

        // A line starting a document ("---"), ending one ("...") or a directive ("%").
        private bool IsDocumentMarkerLine(int at)
        {
            var rest = text.AsSpan(at);
            return rest.StartsWith("---") || rest.StartsWith("...") || rest.StartsWith("%");
        }

        private void Add(Recorded recorded)
        {
            Require(_events.Count < MaxEvents);
            _events.Add(recorded);
        }

        private void Emit(Kind kind, int index, int length) =>
            Add(new Recorded(kind, index, _line, index - _lineStart + 1, length));

        /// <summary>
        /// Records the end of a block collection at <paramref name="indent"/> where YamlDotNet's
        /// scanner ends it: at the next token, or at the end of the text (on the last line for a
        /// collection more indented than the last line is long, else at the start of the line after).
        /// </summary>
        private void EmitBlockEnd(Kind kind, int indent)
        {
            if (AtEnd && indent <= Offset && Offset > 0)
            {
                Add(new Recorded(kind, _pos, _line + 1, 1, 0));
            }
            else
            {
                Emit(kind, _pos, 0);
            }
        }

        private void Enter() => Require(++_depth <= ScenarioLimits.MaxNesting);

        private static void Require(bool condition)
        {
            if (!condition)
            {
                throw new OutsideSubset();
            }
        }

        /// <summary>Whether every character is a line feed or printable, and none a tab, a carriage return, a byte order mark, a surrogate or a line or paragraph separator.</summary>
        private static bool OnlyPrintable(string text)
        {
            var span = text.AsSpan();
            for (var at = span.IndexOfAnyExceptInRange(' ', '~'); at >= 0; at = Next(span, at))
            {
                var c = span[at];
                if (!(c == '\n' || (c >= '\u00A0' && c <= '\uD7FF' && c is not ('\u2028' or '\u2029')) || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF')))
                {
                    return false;
                }
            }

            return true;

            static int Next(ReadOnlySpan<char> span, int at)
            {
                var next = span[(at + 1)..].IndexOfAnyExceptInRange(' ', '~');
                return next < 0 ? -1 : at + 1 + next;
            }
        }
    }
}
