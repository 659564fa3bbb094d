using System.Text;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Generation;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// The scenario files' own YAML reader (<see cref="SubsetYamlParser"/>) must hand out, for every
/// text it reads, exactly the events YamlDotNet's parser gives (type, value, style, flags, and
/// where each starts and ends), and give up on every text it cannot read so.
/// </summary>
public sealed class SubsetYamlParserTests
{
    [Theory]
    [MemberData(nameof(HalvedYamlTests.ShippedScenarios), MemberType = typeof(HalvedYamlTests))]
    public void AShippedScenario_IsRead_EventForEventAsYamlDotNetReadsIt(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));

        var fast = Events(SubsetYamlParser.TryRead(text));

        fast.Should().NotBeNull("every shipped scenario is written in the subset");
        fast.Should().Equal(YamlDotNetEvents(text));
        BuiltTree(text).Should().NotBeNull("a shipped scenario has no key twice").And.Be(YamlDotNetTree(text));
    }

    [Theory]
    [MemberData(nameof(HalvedYamlTests.BadScenarios), MemberType = typeof(HalvedYamlTests))]
    public void ABrokenScenario_IsReadAsYamlDotNetReadsIt_OrGivenUp(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));

        AgreesWithYamlDotNet(text);
    }

    [Fact]
    public void TheProcessLibrary_IsRead_EventForEvent()
    {
        using var stream = typeof(RegionGenerator).Assembly.GetManifestResourceStream("IsdnSim.Scenario.Generation.process-library.yaml")!;
        var text = new StreamReader(stream).ReadToEnd();

        Events(SubsetYamlParser.TryRead(text)).Should().NotBeNull().And.Equal(YamlDotNetEvents(text));
        BuiltTree(text).Should().Be(YamlDotNetTree(text));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    [InlineData(2024UL)]
    public void AGeneratedRegion_IsRead_EventForEvent(ulong seed)
    {
        var text = RegionGenerator.Generate(new RegionSpec(60, 3, 1, 2, Amter: true, seed, Name: "Süd: x, [y] # z"));

        Events(SubsetYamlParser.TryRead(text)).Should().NotBeNull().And.Equal(YamlDotNetEvents(text));
        BuiltTree(text).Should().Be(YamlDotNetTree(text));
    }

    [Theory]
    [InlineData("a: 1\nb: 2\na: 3\n")]
    [InlineData("a: {x: 1, x: 2}\n")]
    [InlineData("a:\n  - {p: 1}\n  - p: 1\n    q: 2\n    p: 3\n")]
    public void AKeyTwiceInAMapping_IsNotBuilt_SoThatTheLoaderGivesYamlDotNetsMessage(string text)
    {
        Events(SubsetYamlParser.TryRead(text)).Should().NotBeNull("the events of a duplicate key are in the subset");

        SubsetYamlParser.TryRead(text)!.TryBuildTree().Should().BeNull();
        var reader = new YamlReader("file.yaml");
        ScenarioLoader.ReadRoot(reader, text, "empty").Should().BeNull();
        reader.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("YAML syntax error: duplicate key");
    }

    [Fact]
    public void PlainNulls_AndCollectionsInCollections_AreBuiltAsYamlDotNetBuildsThem()
    {
        // A plain null (empty, ~, null) keeps YamlDotNet's mark that writes it back as plain; a
        // quoted empty value does not.
        const string Text = "a: {k: [~, null, Null, NULL, '', \"\", [x, {y: z}]], m: {p: q}}\nb:\nc: ~\nd:\n  - e: |\n      f\n    g: >\n      h\n";

        Events(SubsetYamlParser.TryRead(Text)).Should().NotBeNull();
        BuiltTree(Text).Should().Be(YamlDotNetTree(Text));
        BuiltTree(Text).Should().Contain("implicit-plain=True");
    }

    /// <summary>Small texts at the edges of the subset: each read exactly as YamlDotNet reads it.</summary>
    [Theory]
    [InlineData("a: 1")]
    [InlineData("a: 1\n")]
    [InlineData("a:\n")]
    [InlineData("a:")]
    [InlineData("a:\n  b:\n    c: 1")]
    [InlineData("a:\n  b:\n    c: 1\n# last\n")]
    [InlineData("a:\n  b:\n    c: 1\n  # last")]
    [InlineData("a:\n      b: 1\n  # x")]
    [InlineData("a:\n- 1\n-\n- x: 1\n  y: 2\nb: 3")]
    [InlineData("a:\n- 1\n- 2")]
    [InlineData("a:\n  - 1\n  -\n  - x: 1\n    y:\n    z: [ ]\n")]
    [InlineData("a:\n  -   x: 1\n      y: 2\n  - # c\n    z\nb: {}")]
    [InlineData("  a: 1\n  b:  'q: # x'   # c\n")]
    [InlineData("a b :  c d  \n'k' : \"v, [x]\"\n")]
    [InlineData("a: { b: c d, 'e': [ f, \"g\", { h: -1 } ], i: x:y }\n")]
    [InlineData("a: [a#b, c:d, -x, 08:00]\nb: http://x.org/#y\n")]
    [InlineData("a: Straße (Süd), Ämter – 2\n")]
    [InlineData("\n\n# c\n\na: 1\n\n\n")]
    [InlineData("a:\n  b: [\n    x, 'y',\n    # c\n    z\n  ]\n  c: {\n   k: [1,\n     2], j: v }\n")]
    [InlineData("a: [ x,\n  y ] # c\nb: [\n  \"q\"\n]")]
    [InlineData("a: >\n  one\n  two\n\n  three\nb: |-\n  x\n  y\n\n")]
    [InlineData("a:\n  - >+\n    x: #y\n\n\n  - |\n    z\n# c\nb: >-\n   w")]
    [InlineData("a: > # c\n  x\n")]
    public void ATextOfTheSubset_IsRead_EventForEvent(string text)
    {
        Events(SubsetYamlParser.TryRead(text)).Should().NotBeNull().And.Equal(YamlDotNetEvents(text));
    }

    /// <summary>Texts outside the subset, valid or not: given up, so that YamlDotNet reads them.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: 'b\n  c'\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !!str 1\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("a:\n\tb: 1\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a: \"x\\ny\"\n")]
    [InlineData("a: 'it''s'\n")]
    [InlineData("a: [1\n  2]\n")]
    [InlineData("a:\n  b: [1,\n  2]\n")]
    [InlineData("a: { b: 1, c\n  : 2 }\n")]
    [InlineData("a: >2\n   x\n")]
    [InlineData("a: >\n\n  x\n")]
    [InlineData("a: >\n  x\n    y\n")]
    [InlineData("a: >\n  x\n  \n  y\n")]
    [InlineData("a: >\nb: 1\n")]
    [InlineData("a: { b: 1 # c\n  }\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: - b\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("a: [b, ]\n")]
    [InlineData("a: { b }\n")]
    [InlineData("a: [ b: c ]\n")]
    [InlineData("a: \"x\"# c\n")]
    [InlineData("a: [x]#c\n")]
    [InlineData("a:\n  - - b\n")]
    [InlineData("a: 1\na: 2\n\u2028")]
    // A word starting with '*' after the first: YamlDotNet's scanner does not end such a scalar at
    // ': ' unless a simple key is required there, so these read as one scalar (or, the last, not at all).
    [InlineData("a *b: c\n")]
    [InlineData("a:\n  x *y: 1\n")]
    [InlineData("l:\n- x *y: z\n")]
    [InlineData("a: {k *v: 1}\n")]
    [InlineData("a:\n  x *y: 1\n  z: 2\n")]
    [InlineData("a: x *y\n")]
    public void ATextOutsideTheSubset_IsGivenUp(string text)
    {
        SubsetYamlParser.TryRead(text).Should().BeNull();
    }

    [Fact]
    public void MoreEventsThanTheNodeLimitAllows_AreGivenUp_BeforeTheReaderHoldsThemAll()
    {
        // 10,000,003 scalars in a flat list: past twice ScenarioLimits.MaxYamlNodes events, so the
        // reader stops recording and YamlDotNet, under BoundedParser, stops the text at the limit.
        var text = "a: [" + string.Join(",", Enumerable.Repeat("1", 2 * ScenarioLimits.MaxYamlNodes + 3)) + "]\n";

        SubsetYamlParser.TryRead(text).Should().BeNull();
    }

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void NestingUpToTheLimit_IsRead_AndPastIt_IsGivenUp_SoThatTheLimitsMessageIsYamlDotNets(int brackets, bool read)
    {
        // The root mapping and the lists: ScenarioLimits.MaxNesting (64) levels open at most.
        var text = "a: " + new string('[', brackets) + new string(']', brackets) + "\n";

        (SubsetYamlParser.TryRead(text) is not null).Should().Be(read);
    }

    [Fact]
    public void ASyntaxError_GivesYamlDotNetsMessageWithItsPosition()
    {
        const string text = "name: x\nagents:\n  - { id: a, name: [ }\n";

        SubsetYamlParser.TryRead(text).Should().BeNull();
        var read = () => ScenarioLoader.Parse(text, "broken.yaml", null);

        read.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.ToString().Should().StartWith("broken.yaml:3:22: error: YAML syntax error: While parsing a node, did not find expected node content");
    }

    /// <summary>
    /// Texts drawn from a small grammar of the scenario files' YAML (indentation, flow
    /// collections, plain and quoted scalars with awkward characters, empty values, comments),
    /// each also with one character changed, removed or added: wherever the reader does not give
    /// up, YamlDotNet reads the text without error and gives the same events.
    /// </summary>
    [Fact]
    public void GeneratedTexts_AreReadAsYamlDotNetReadsThem_OrGivenUp()
    {
        var random = new Random(20261201);
        var read = 0;
        for (var i = 0; i < 4000; i++)
        {
            var text = new TextGrammar(random).Document();
            if (i % 2 == 1)
            {
                text = Mutate(text, random);
            }

            if (AgreesWithYamlDotNet(text))
            {
                read++;
            }
        }

        read.Should().BeGreaterThan(1000, "most unmutated texts are in the subset");
    }

    /// <summary>Asserts the reader either gives up on <paramref name="text"/> or gives YamlDotNet's events; true if it read it.</summary>
    private static bool AgreesWithYamlDotNet(string text)
    {
        var fast = Events(SubsetYamlParser.TryRead(text));
        if (fast is null)
        {
            return false;
        }

        List<string> slow;
        try
        {
            slow = YamlDotNetEvents(text);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new InvalidOperationException($"the reader read a text YamlDotNet rejects ({e.Message}):\n{text}");
        }

        fast.Should().Equal(slow, "the text is\n{0}", text);
        string tree;
        try
        {
            tree = YamlDotNetTree(text);
        }
        catch (YamlException)
        {
            // Events YamlDotNet's tree refuses (a key twice): not built either, so the loader loads them and reports it.
            BuiltTree(text).Should().BeNull("YamlDotNet's load refuses the text\n{0}", text);
            return true;
        }

        BuiltTree(text).Should().Be(tree, "the text is\n{0}", text);
        return true;
    }

    /// <summary>The tree <see cref="SubsetYamlParser.TryBuildTree"/> builds, written by <see cref="YamlTreeText"/>; null where it builds none.</summary>
    private static string? BuiltTree(string text) =>
        SubsetYamlParser.TryRead(text)!.TryBuildTree() is { } root ? YamlTreeText.Of(root) : null;

    /// <summary>The tree YamlDotNet loads from its own parser's events, written by <see cref="YamlTreeText"/>.</summary>
    private static string YamlDotNetTree(string text)
    {
        var stream = new YamlStream();
        stream.Load(new Parser(new Scanner(new StringReader(text), skipComments: true)));
        return YamlTreeText.Of(stream.Documents.Single().RootNode);
    }

    private static List<string>? Events(IParser? parser)
    {
        if (parser is null)
        {
            return null;
        }

        var events = new List<string>();
        while (parser.MoveNext())
        {
            events.Add(Describe(parser.Current!));
        }

        return events;
    }

    private static List<string> YamlDotNetEvents(string text) =>
        Events(new Parser(new Scanner(new StringReader(text), skipComments: true)))!;

    /// <summary>Everything an event holds that YamlDotNet's tree or the binders could read.</summary>
    private static string Describe(ParsingEvent e)
    {
        var where = $"{M(e.Start)}-{M(e.End)}";
        return e switch
        {
            Scalar s => $"Scalar {where} [{s.Value}] {s.Style} a={s.Anchor} t={s.Tag} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} key={s.IsKey}",
            MappingStart m => $"MappingStart {where} {m.Style} a={m.Anchor} t={m.Tag} implicit={m.IsImplicit}",
            SequenceStart q => $"SequenceStart {where} {q.Style} a={q.Anchor} t={q.Tag} implicit={q.IsImplicit}",
            DocumentStart d => $"DocumentStart {where} implicit={d.IsImplicit} version={d.Version} tags={string.Join(",", d.Tags?.Select(t => $"{t.Handle}={t.Prefix}") ?? [])}",
            DocumentEnd d => $"DocumentEnd {where} implicit={d.IsImplicit}",
            _ => $"{e.GetType().Name} {where}",
        };

        static string M(Mark m) => $"{m.Line}:{m.Column}@{m.Index}";
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        const string Characters = " \n:-#,[]{}'\"?&*!|>%@`\ta\\";
        var at = random.Next(text.Length);
        var c = Characters[random.Next(Characters.Length)];
        return random.Next(3) switch
        {
            0 => text[..at] + c + text[(at + 1)..],
            1 => text[..at] + text[(at + 1)..],
            _ => text[..at] + c + text[at..],
        };
    }

    /// <summary>Writes random documents of block mappings and lists, flow collections and scalars.</summary>
    private sealed class TextGrammar(Random random)
    {
        private static readonly string[] Words = ["a", "id", "x y", "Süd", "08:00", "a:b", "a#b", "-1", "1.5", "http://x/#y", "(p)", "p, q", "x [y]", "z {w}", "it's", "\"q\"", "", " ", "é", "a - b", "p *q"];

        private readonly StringBuilder _text = new();

        public string Document()
        {
            if (random.Next(8) == 0)
            {
                _text.Append("# head\n\n");
            }

            Mapping(random.Next(4) == 0 ? 1 : 0, 0, first: false);
            return _text.ToString();
        }

        private void Mapping(int indent, int depth, bool first)
        {
            var keys = 1 + random.Next(4);
            for (var i = 0; i < keys; i++)
            {
                if (!(first && i == 0))
                {
                    Indent(indent);
                }

                _text.Append(Scalar(flow: false)).Append(random.Next(6) == 0 ? " :" : ":");
                Value(indent, depth, inSequence: false);
            }
        }

        private void Value(int indent, int depth, bool inSequence)
        {
            var choice = depth > 3 ? random.Next(3) : random.Next(7);
            switch (choice)
            {
                case 0:
                    _text.Append(' ').Append(Scalar(flow: false));
                    EndLine();
                    break;
                case 1:
                    _text.Append(' ').Append(Flow(depth));
                    EndLine();
                    break;
                case 2:
                    EndLine();
                    break;
                case 3:
                    EndLine();
                    Mapping(indent + 1 + random.Next(3), depth + 1, first: false);
                    break;
                case 4:
                    EndLine();
                    Sequence(inSequence ? indent + 2 : indent + random.Next(3), depth + 1);
                    break;
                case 5:
                    EndLine();
                    Indent(indent + 2);
                    _text.Append(random.Next(2) == 0 ? Scalar(flow: false) : Flow(depth));
                    EndLine();
                    break;
                default:
                    if (random.Next(2) == 0)
                    {
                        _text.Append(' ').Append(Scalar(flow: false));
                    }

                    EndLine();
                    break;
            }
        }

        private void Sequence(int indent, int depth)
        {
            var entries = 1 + random.Next(4);
            for (var i = 0; i < entries; i++)
            {
                Indent(indent);
                _text.Append('-');
                switch (random.Next(4))
                {
                    case 0:
                        _text.Append(' ').Append(new string(' ', random.Next(3)));
                        var column = _text.Length - _text.ToString().LastIndexOf('\n') - 1;
                        Mapping(column, depth + 1, first: true);
                        break;
                    case 1:
                        Value(indent, depth, inSequence: true);
                        break;
                    default:
                        _text.Append(' ').Append(random.Next(2) == 0 ? Scalar(flow: false) : Flow(depth));
                        EndLine();
                        break;
                }
            }
        }

        private string Flow(int depth)
        {
            var mapping = random.Next(2) == 0;
            var entries = random.Next(4);
            var items = Enumerable.Range(0, entries).Select(_ =>
            {
                var value = depth < 3 && random.Next(4) == 0 ? Flow(depth + 1) : Scalar(flow: true);
                return mapping ? $"{Scalar(flow: true)}: {value}" : value;
            });
            var space = random.Next(2) == 0 ? " " : "";
            return (mapping ? "{" : "[") + space + string.Join(random.Next(2) == 0 ? ", " : " ,", items) + space + (mapping ? "}" : "]");
        }

        private string Scalar(bool flow)
        {
            var word = Words[random.Next(Words.Length)];
            return random.Next(5) switch
            {
                0 => $"'{word.Replace("'", "")}'",
                1 => $"\"{word.Replace("\"", "")}\"",
                _ => flow ? word.Replace(",", "").Replace("[", "").Replace("]", "").Replace("{", "").Replace("}", "") : word,
            };
        }

        private void EndLine()
        {
            switch (random.Next(6))
            {
                case 0:
                    _text.Append(" # note: a, [b]");
                    break;
                case 1:
                    _text.Append("  ");
                    break;
            }

            _text.Append('\n');
            if (random.Next(10) == 0)
            {
                _text.Append(random.Next(2) == 0 ? "\n" : "  # between\n");
            }
        }

        private void Indent(int indent) => _text.Append(' ', indent);
    }
}
