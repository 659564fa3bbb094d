using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Reads a scenario file (format v1, see docs/scenario-format.md) into a validated
/// <see cref="ScenarioDefinition"/>. Every problem is reported with file, line and column;
/// nothing is half-loaded.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>
    /// Loads and validates a file; throws <see cref="ScenarioException"/> listing every problem,
    /// also when the file cannot be read, is too large or is not UTF-8 (see <see cref="ScenarioLimits"/>).
    /// </summary>
    public static LoadedScenario LoadFile(string path) => Parse(ScenarioFileReader.Read(path), path);

    /// <summary>Parses and validates scenario text; <paramref name="file"/> names it in messages.</summary>
    public static LoadedScenario Parse(string text, string file)
    {
        var loaded = Parse(text, file, variantsToCheck: null);
        Parsed.AddOrUpdate(text, loaded);
        return loaded;
    }

    /// <summary>
    /// The scenario for a run of one variant: what <see cref="Parse(string, string)"/> gave for this
    /// very text (so a file the command line loaded is not parsed again to compile it), else the
    /// text parsed and validated with only <paramref name="variant"/>'s application checked (a silo
    /// given the text of a file its client checked need not apply every other variant). A text
    /// read this way is kept for the next few runs (<see cref="RecentParses"/>), so the variants of
    /// a design point, which share their text, read it once.
    /// </summary>
    public static LoadedScenario ParseForRun(string text, string file, string? variant) =>
        Parsed.TryGetValue(text, out var known) && known.File == file
            ? known
            : ParsedForRun.TryGetValue(text, out var forRun) && forRun.Scenario.File == file && forRun.Variant == variant
                ? forRun.Scenario
                : Recent.Get(text, file, variant);

    /// <summary>
    /// Loads a file for a run of <paramref name="variant"/> (null: the file as written): the file
    /// and that variant are checked now, as <see cref="LoadFile"/> checks them; the file's other
    /// variants are left to <paramref name="otherVariants"/>, already started beside the file's own
    /// check and going on while the run compiles and simulates (at Germany's size they are most of
    /// the checking). Throws
    /// <see cref="ScenarioException"/> with exactly what <see cref="LoadFile"/> would: where the
    /// run's variant has problems, the others are checked too before it throws.
    /// </summary>
    public static LoadedScenario LoadFileForRun(string path, string? variant, out DeferredVariantChecks otherVariants)
    {
        var text = ScenarioFileReader.Read(path);
        LoadedScenario loaded;
        DeferredVariantChecks? started = null;
        try
        {
            // The other variants' checks start as soon as the definition is bound, on the cores the
            // file's own check leaves (at Germany's size it takes 0.2-0.3 s on one); they are the
            // file's only if it passes.
            loaded = Parse(text, path, variantsToCheck: variant is null ? new HashSet<string>() : new HashSet<string>(StringComparer.Ordinal) { variant },
                bound: definition => (started = Others(definition)).Start());
        }
        catch (ScenarioException) when (variant is not null)
        {
            // The file or the run's variant: the whole check says which, with every other variant's problems beside the variant's.
            started?.Abandon();
            started = null;
            loaded = Parse(text, path);
        }
        catch
        {
            started?.Abandon();
            throw;
        }

        otherVariants = started ?? Others(loaded.Definition);
        ParsedForRun.AddOrUpdate(text, new RunParse(loaded, variant));
        return loaded;

        DeferredVariantChecks Others(ScenarioDefinition definition) =>
            new(definition, path, [.. definition.Variants.Where(v => v.Id != variant)]);
    }

    /// <summary>A text read by <see cref="LoadFileForRun"/>: its definition serves the compile of a run of that variant only (the others' checks may still be under way).</summary>
    private sealed record RunParse(LoadedScenario Scenario, string? Variant);

    private static readonly ConditionalWeakTable<string, RunParse> ParsedForRun = new();

    /// <summary>Enough for the points every core of the machine has in hand, twice over.</summary>
    private static readonly RecentParses Recent = new(Math.Max(8, 2 * Environment.ProcessorCount));

    /// <summary>Parsed scenarios by their text (the string itself, not its value): definitions are immutable, so a second compile can share one.</summary>
    private static readonly ConditionalWeakTable<string, LoadedScenario> Parsed = new();

    /// <summary>
    /// As <see cref="Parse(string, string)"/>, checking only the application of
    /// <paramref name="variantsToCheck"/> (null: every variant), for an experiment that runs only
    /// those; not kept for a later compile.
    /// </summary>
    public static LoadedScenario Parse(string text, string file, IReadOnlySet<string>? variantsToCheck) =>
        Parse(text, file, variantsToCheck, bound: null);

    /// <summary>As <see cref="Parse(string, string, IReadOnlySet{string}?)"/>, telling <paramref name="bound"/> the definition once it is bound, before the checks of the whole.</summary>
    internal static LoadedScenario Parse(string text, string file, IReadOnlySet<string>? variantsToCheck, Action<ScenarioDefinition>? bound)
    {
        var reader = new YamlReader(file);
        var definition = ParseInto(reader, text, variantsToCheck, bound);
        if (reader.HasErrors || definition is null)
        {
            throw new ScenarioException([.. reader.Diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)]);
        }

        return new LoadedScenario(definition, text, file, Hash(text));
    }

    /// <summary>SHA-256 of the file's text, as recorded in manifests.</summary>
    /// <remarks>
    /// A text of <see cref="HashKeptFrom"/> characters or more is hashed once per string and its hash
    /// kept with it (the entry goes with the string): a run's text is hashed by the load and by the
    /// run's key, which the coordinator and the model cache ask for, and Germany's 3.9 MB cost a
    /// large object and some 15 ms each time. Shorter ones (keys, small files) are hashed each time.
    /// </remarks>
    public static string Hash(string text) =>
        text.Length >= HashKeptFrom ? LongTextHashes.GetValue(text, HashOf) : HashOf(text);

    /// <summary>The length from which <see cref="Hash"/> keeps a text's hash.</summary>
    internal const int HashKeptFrom = 64 * 1024;

    private static readonly ConditionalWeakTable<string, string> LongTextHashes = new();

    private static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ScenarioDefinition? ParseInto(YamlReader reader, string text, IReadOnlySet<string>? variantsToCheck, Action<ScenarioDefinition>? bound) =>
        ReadRoot(reader, text, "the file is empty; a scenario needs at least: name, start, horizon, agents, processes, jurisdiction and demand") is { } root
            ? new ScenarioBinder(reader, variantsToCheck, bound).Bind(root)
            : null;

    /// <summary>
    /// The root of the one YAML document in <paramref name="text"/>, or null after reporting to
    /// <paramref name="reader"/> why there is none (<paramref name="empty"/> for a file without content, a syntax error with its position).
    /// </summary>
    /// <param name="halvesFrom">The length from which a text <see cref="SubsetYamlParser"/> does not read is read in two halves side by side (<see cref="HalvedYaml"/>); tests set it to compare both ways of reading.</param>
    internal static YamlNode? ReadRoot(YamlReader reader, string text, string empty, bool blameTabs = true, int halvesFrom = HalvedYaml.MinLength)
    {
        if (IsBlank(text))
        {
            reader.Error(new SourcePosition(1, 1), empty);
            return null;
        }

        var subset = SubsetYamlParser.TryRead(text);
        if (subset is null && HalvedYaml.TryLoad(text, reader.File, halvesFrom) is { } halved)
        {
            return halved;
        }

        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            // The subset's tree straight from its reading (Germany: 0.3 s of the 0.8 s the events took).
            if (subset?.TryBuildTree() is { } built)
            {
                return built;
            }

            var stream = LoadYaml((IParser?)subset ?? new Parser(scanner), reader.File);
            if (stream.Documents.Count != 1)
            {
                reader.Error(new SourcePosition(1, 1), $"expected exactly one YAML document, found {stream.Documents.Count}");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            SyntaxError(new SourcePosition((int)e.Start.Line, (int)e.Start.Column), $"YAML syntax error: {CleanYamlMessage(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (without a position) on a value that runs on
            // over several lines inside an unclosed [ or {; where it stopped is known here.
            var at = scanner.CurrentPosition;
            var opener = UnclosedBracket(text, (int)at.Line);
            SyntaxError(new SourcePosition((int)at.Line, (int)at.Column), opener is { } o
                ? $"YAML syntax error: cannot read this value; the '{o.Bracket}' on line {o.Line} is not closed"
                : "YAML syntax error: cannot read this value; is a '[' or '{' above it left unclosed?");
            return null;
        }

        // A tab in an indentation derails the parser somewhere else, often at the top of the file: name the tab instead.
        void SyntaxError(SourcePosition at, string message)
        {
            var (where, what) = blameTabs && IndentationTabs.Blame(text, (at, message)) is { } tab ? tab : (at, message);
            reader.Error(where, what);
        }
    }

    /// <summary>
    /// The YAML representation tree of <paramref name="text"/>, within <see cref="ScenarioLimits.MaxNesting"/>
    /// and <see cref="ScenarioLimits.MaxYamlNodes"/>: throws <see cref="ScenarioException"/> past them,
    /// <see cref="YamlException"/> for a syntax error.
    /// </summary>
    internal static YamlStream LoadYaml(string text, string file) =>
        LoadYaml((IParser?)SubsetYamlParser.TryRead(text) ?? new Parser(new Scanner(new StringReader(text), skipComments: true)), file);

    private static YamlStream LoadYaml(IParser parser, string file)
    {
        var stream = new YamlStream();
        stream.Load(new BoundedParser(parser, file));
        return stream;
    }

    /// <summary>Whether every line (split at '\n') is blank, a comment or "---"; line by line as spans, stopping at the first that is not (a split of the whole text made a string of every line first).</summary>
    private static bool IsBlank(string text)
    {
        for (var from = 0; from <= text.Length;)
        {
            var end = text.IndexOf('\n', from);
            var line = text.AsSpan(from, (end < 0 ? text.Length : end) - from).Trim();
            if (line.Length > 0 && line[0] != '#' && !line.SequenceEqual("---"))
            {
                return false;
            }

            if (end < 0)
            {
                break;
            }

            from = end + 1;
        }

        return true;
    }

    private static string CleanYamlMessage(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var idx = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = (idx >= 0 ? message[(idx + 3)..] : message).TrimEnd('.');
        const string duplicate = "Duplicate key ";
        return message.StartsWith(duplicate, StringComparison.Ordinal)
            ? $"duplicate key '{message[duplicate.Length..]}' (a key may appear only once in a mapping)"
            : message;
    }

    /// <summary>The innermost '[' or '{' still open before <paramref name="beforeLine"/>, skipping quotes and comments.</summary>
    private static (char Bracket, int Line)? UnclosedBracket(string text, int beforeLine)
    {
        var open = new Stack<(char, int)>();
        var line = 1;
        char? quote = null;
        for (var i = 0; i < text.Length && line < beforeLine; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }
            else if (quote is { } q)
            {
                quote = c == q ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (c is '[' or '{')
            {
                open.Push((c, line));
            }
            else if (c is ']' or '}' && open.Count > 0)
            {
                open.Pop();
            }
        }

        return open.Count > 0 ? open.Peek() : null;
    }
}
