using System.Text;
using IsdnSim.Core.Experiments;
using IsdnSim.Core.Scenario;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// Files that are not scenarios at all, or built to exhaust the parser (deep nesting, alias
/// bombs, endless or binary input, folders, absurd paths), are rejected quickly, with a
/// position where there is one and a message that says what is wrong: never a crash, a hang,
/// or a stack trace.
/// </summary>
public sealed class HostileInputTests
{
    private const string TooDeep =
        "mappings and lists are nested more than 64 levels deep here, the limit for a scenario (the shipped ones need 7): is a ']' or '}' missing, or is it the right file?";

    private static ScenarioDiagnostic Rejection(Action load)
    {
        var diagnostics = load.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Should().ContainSingle();
        return diagnostics[0];
    }

    private static ScenarioDiagnostic ParseRejection(string yaml) => Rejection(() => ScenarioLoader.Parse(yaml, "hostile.yaml"));

    [Fact]
    public void DeeplyNestedFlowMappings_AreRejectedAtTheFirstLevelPastTheLimit()
    {
        // 20,000 levels overflowed the stack of the recursive tree builder: exit 134, no message.
        var yaml = "a: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000);

        var d = ParseRejection(yaml);

        // The top-level mapping is the first level, so the 64th '{' (column 4 + 63 * 4) opens the 65th.
        d.Position.Should().Be(new SourcePosition(1, 256));
        d.Message.Should().Be(TooDeep);
    }

    [Fact]
    public void DeeplyNestedFlowLists_AreRejectedAtTheFirstLevelPastTheLimit()
    {
        var yaml = "a: " + new string('[', 20_000) + "1" + new string(']', 20_000);

        var d = ParseRejection(yaml);

        d.Position.Should().Be(new SourcePosition(1, 67));
        d.Message.Should().Be(TooDeep);
    }

    [Fact]
    public void DeeplyIndentedBlockMappings_AreRejectedAtTheFirstLevelPastTheLimit()
    {
        var yaml = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => new string(' ', i) + "a:")) + " 1\n";

        var d = ParseRejection(yaml);

        d.Position.Should().Be(new SourcePosition(65, 65));
        d.Message.Should().Be(TooDeep);
    }

    [Fact]
    public void SixtyFourLevels_AreAccepted_AsFarAsNestingGoes()
    {
        // The top-level mapping and 63 flow mappings: the file is no scenario, but the binder gets to say so.
        var yaml = "a: " + string.Concat(Enumerable.Repeat("{a: ", 63)) + "1" + new string('}', 63);

        var act = () => ScenarioLoader.Parse(yaml, "hostile.yaml");

        var diagnostics = act.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Should().Contain(d => d.Message.StartsWith("unknown key 'a' in the scenario"));
        diagnostics.Should().NotContain(d => d.Message.Contains("nested"));
    }

    [Fact]
    public void AnAliasBomb_IsRejectedAtTheAliasThatTakesItPastTheNodeLimit()
    {
        // Billion laughs: each level repeats the one before nine times, and the last is used as a mapping key,
        // which the tree builder hashes in full. Expanded it has about 430 million nodes; it ran for minutes.
        var yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        var previous = 'a';
        foreach (var level in "bcdefghi")
        {
            yaml.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n");
            previous = level;
        }

        yaml.Append("? *i\n: boom\n");

        var d = ParseRejection(yaml.ToString());

        // Level f holds 597,871 nodes; its eighth copy in g takes the file past 5,000,000.
        d.Position.Should().Be(new SourcePosition(7, 36));
        d.Message.Should().Be("alias '*f' repeats 597,871 keys and values, and takes the file past 5,000,000, the limit for a scenario " +
                              "(an alias counts as a copy of what its anchor holds): is the file an alias bomb?");
    }

    [Fact]
    public void AnAliasThatReachesPastTheNestingLimit_IsRejected()
    {
        var yaml = "a: &deep " + new string('[', 40) + new string(']', 40) + "\nb: [[[[[[[[[[[[[[[[[[[[[[[[[*deep]]]]]]]]]]]]]]]]]]]]]]]]]\n";

        var d = ParseRejection(yaml);

        d.Position.Should().Be(new SourcePosition(2, 29));
        d.Message.Should().Be("alias '*deep' puts what '&deep' holds (40 levels) more than 64 levels deep, the limit for a scenario (the shipped ones need 7)");
    }

    [Fact]
    public void AnAliasInsideItsOwnAnchor_IsRejected_InsteadOfMakingACycle()
    {
        var d = ParseRejection("a: &loop [x, *loop]\n");

        d.Position.Should().Be(new SourcePosition(1, 14));
        d.Message.Should().Be("alias '*loop' is inside the value of its own anchor '&loop': a value cannot contain itself");
    }

    [Fact]
    public void AnAliasWithoutAnAnchor_IsRejected()
    {
        var d = ParseRejection("name: *nowhere\n");

        d.Position.Should().Be(new SourcePosition(1, 7));
        d.Message.Should().Be("alias '*nowhere' names no anchor: an anchor '&nowhere' must come before it");
    }

    [Fact]
    public void ScenarioPatch_KeepsToTheSameLimits()
    {
        var yaml = "a: " + new string('[', 1_000) + new string(']', 1_000);

        var act = () => ScenarioPatch.Apply(yaml, [("a", "1")]);

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Single().Message.Should().Be(TooDeep);
    }

    [Theory]
    [InlineData("mmc.yaml")]
    [InlineData("teaching.yaml")]
    [InlineData("rural-district.yaml")]
    [InlineData("brandenburg.yaml")]
    [InlineData("germany.yaml")]
    public void EveryShippedScenario_IsWithinTheLimits(string file)
    {
        // Only reading and the YAML tree: binding all of germany.yaml takes seconds, and the limits are checked before it.
        var path = Repository.Scenario(file);

        var read = () => ScenarioLoader.LoadYaml(File.ReadAllText(path), path);

        read.Should().NotThrow();
    }
}
