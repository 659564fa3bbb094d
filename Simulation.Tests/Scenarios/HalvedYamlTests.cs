using System.Text;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// A large scenario's YAML is read in two halves side by side (<see cref="HalvedYaml"/>): the
/// tree it gives must be the one the whole text gives, node for node with every position, and a
/// text it cannot read so must be read as a whole, with the same messages.
/// </summary>
public sealed class HalvedYamlTests
{
    public static TheoryData<string> ShippedScenarios =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.Root, f)).Order()];

    public static TheoryData<string> BadScenarios =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "Simulation.Tests", "BadScenarios"), "*.yaml").Select(f => Path.GetRelativePath(Repository.Root, f)).Order()];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void AShippedScenario_ReadInHalves_GivesTheTreeOfTheWhole(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));

        var halved = HalvedYaml.TryLoad(text, file, minLength: 0);

        if (Path.GetFileName(file) is "germany.yaml" or "brandenburg.yaml" or "rural-district.yaml" or "city.yaml")
        {
            halved.Should().NotBeNull("a scenario with many agents is split between two of them");
        }

        // The loader reads a shipped scenario with SubsetYamlParser, not in halves: the halves' tree is held against YamlDotNet's own.
        if (halved is not null)
        {
            var whole = new YamlStream();
            whole.Load(new Parser(new Scanner(new StringReader(text), skipComments: true)));
            YamlTreeText.Of(halved, ends: false).Should().Be(YamlTreeText.Of(whole.Documents[0].RootNode, ends: false));
        }

        Read(text, halves: true).Should().Be(Read(text, halves: false));
    }

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public void ABrokenScenario_ReadInHalves_GivesTheMessagesOfTheWhole(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));

        Read(text, halves: true).Should().Be(Read(text, halves: false));
    }

    public static TheoryData<string> Breakages => [.. Broken.Keys];

    private static readonly Dictionary<string, Func<string, string>> Broken = new()
    {
        ["syntax error early"] = t => Replace(t, 0.2, "- { id: ", "- { id: [ "),
        ["syntax error late"] = t => Replace(t, 0.8, "- { id: ", "- { id: [ "),
        ["unclosed bracket across the split"] = t => Replace(t, 0.45, "- { id: ", "- { id: [ "),
        ["a key again after the agents"] = t => t + "\nname: again\n",
        ["an alias of an anchor in the other half"] = t => Replace(Replace(t, 0.8, "- { id: ", "- { x: *early, id: "), 0.2, "- { id: ", "- { x: &early 1, id: "),
        ["an alias in the same half"] = t => Replace(Replace(t, 0.8, "- { id: ", "- { x: *late, id: "), 0.7, "- { id: ", "- { x: &late 1, id: "),
        ["a tab in an indentation late"] = t => Replace(t, 0.8, "\n  - { id: ", "\n\t- { id: "),
        ["a second document"] = t => t + "\n---\nname: second\n",
        ["a misspelt key late"] = t => Replace(t, 0.8, "- { id: ", "- { idd: "),
    };

    /// <summary>Germany broken in one place: read in halves where it can be, each reports what the whole reports.</summary>
    [Theory]
    [MemberData(nameof(Breakages))]
    public void GermanyBroken_ReadInHalves_GivesTheMessagesOfTheWhole(string breakage)
    {
        var text = Broken[breakage](File.ReadAllText(Repository.Scenario("germany.yaml")));

        Read(text, halves: true).Should().Be(Read(text, halves: false));
    }

    [Fact]
    public void ASplitInsideAQuotedValue_IsReadAsAWhole()
    {
        var text = new StringBuilder("name: x\nagents:\n");
        for (var i = 0; i < 20; i++)
        {
            text.Append($"  - {{ id: a{i}, name: \"a first line long enough for the middle of the list to fall in one\n  - second\" }}\n");
        }

        var split = HalvedYaml.Split(text.ToString());

        split.Should().NotBeNull();
        text.ToString()[..split!.Value.At].Should().EndWith("to fall in one\n", "the split falls inside a quoted name");
        HalvedYaml.TryLoad(text.ToString(), "x.yaml", minLength: 0).Should().BeNull();
        Read(text.ToString(), halves: true).Should().Be(Read(text.ToString(), halves: false));
    }

    /// <summary>
    /// The only line <c>agents:</c> at the margin sits inside a single-quoted value, and the real key
    /// is spelt <c>agents :</c>: both halves read, but the whole does not (an entry after the
    /// quoted value ends), so the halves must not be joined.
    /// </summary>
    [Fact]
    public void ALineAgentsInsideAQuotedValue_IsReadAsAWhole()
    {
        var text = "agents :\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"  - {{ id: r{i} }}\n")) +
                   "name: 'x\nagents:\n  - a'\n  - b\nz: 1\n";

        HalvedYaml.Split(text).Should().NotBeNull("the text has one line agents: at the margin, followed by entries");
        HalvedYaml.TryLoad(text, "x.yaml", minLength: 0).Should().BeNull();
        Read(text, halves: true).Should().Be(Read(text, halves: false));
        Read(text, halves: false).Should().StartWith("25:3 YAML syntax error", "the whole text does not read: the entry after the quoted value (line 25)");
    }

    [Fact]
    public void AnAgentListAtTheLeftMargin_IsSplitToo()
    {
        var text = "name: x\nagents:\n# the agents\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"- {{ id: a{i} }}\n")) + "processes: []\n";

        HalvedYaml.TryLoad(text, "x.yaml", minLength: 0).Should().NotBeNull();
        Read(text, halves: true).Should().Be(Read(text, halves: false));
    }

    /// <summary>The text with the first <paramref name="old"/> after the given share of it replaced.</summary>
    private static string Replace(string text, double share, string old, string replacement)
    {
        var at = text.IndexOf(old, (int)(text.Length * share), StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    /// <summary>Every node of the tree with where it starts, or the messages of reading.</summary>
    private static string Read(string text, bool halves)
    {
        // The loader halves only a large text SubsetYamlParser gives up on (none of the shipped
        // ones): the halves are tried here first, so that they are held against the whole on every
        // text, and a text they do not read goes to the loader as it would.
        var reader = new YamlReader("file.yaml");
        var root = (halves ? HalvedYaml.TryLoad(text, reader.File, minLength: 0) : null)
                   ?? ScenarioLoader.ReadRoot(reader, text, "empty", halvesFrom: int.MaxValue);
        var written = new StringBuilder();
        foreach (var d in reader.Diagnostics)
        {
            written.AppendLine($"{d.Position.Line}:{d.Position.Column} {d.Message}");
        }

        return written.Append(root is null ? "" : YamlTreeText.Of(root, ends: false)).ToString();
    }
}
