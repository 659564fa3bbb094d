using System.Text;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// Files that are not scenarios at all, or built to exhaust the parser (deep nesting, alias
/// bombs, endless or binary input, folders, absurd paths), are rejected quickly, with a
/// position where there is one and a message that says what is wrong: never a crash, a hang,
/// or a stack trace.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string TooDeep =
        "mappings and lists are nested more than 64 levels deep here, the limit for a scenario (the shipped ones need 7): is a ']' or '}' missing, or is it the right file?";

    private static ScenarioDiagnostic Rejection(Action load)
    {
        var diagnostics = load.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Should().ContainSingle();
        return diagnostics[0];
    }

    private static ScenarioDiagnostic ParseRejection(string yaml) => Rejection(() => ScenarioLoader.Parse(yaml, "hostile.yaml"));

    private ScenarioDiagnostic FileRejection(byte[] content)
    {
        var path = _dir.File("hostile.yaml");
        File.WriteAllBytes(path, content);
        return Rejection(() => ScenarioLoader.LoadFile(path));
    }

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
    public void AHugeValueQuotedInAMessage_IsShortenedWhereItIsPrinted()
    {
        var yaml = "name: x\nagents: " + new string('a', 100_000) + "\n";

        var act = () => ScenarioLoader.Parse(yaml, "hostile.yaml");

        var d = act.Should().Throw<ScenarioException>().Which.Diagnostics.Single(d => d.Position.Line == 2);
        var shown = new string('a', 100) + "…" + new string('a', 100) + " (100,000 characters)";
        d.ToString().Should().Be($"hostile.yaml:2:9: error: expected a list for agents, found '{shown}'");
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
    [InlineData("city.yaml")]
    [InlineData("brandenburg.yaml")]
    [InlineData("germany.yaml")]
    public void EveryShippedScenario_IsWithinTheLimits(string file)
    {
        // Only reading and the YAML tree: binding all of germany.yaml takes seconds, and the limits are checked before it.
        var path = Repository.Scenario(file);

        var read = () => ScenarioLoader.LoadYaml(ScenarioFileReader.Read(path), path);

        read.Should().NotThrow();
    }

    [Fact]
    public void AnEndlessFile_IsRejectedAtTheSizeLimit_WithoutReadingOn()
    {
        // /dev/zero reports no length; the limit is counted on the bytes read.
        var d = Rejection(() => ScenarioLoader.LoadFile("/dev/zero"));

        d.Position.Should().Be(new SourcePosition(1, ScenarioLimits.MaxFileBytes + 1));
        d.Message.Should().Be("the file is larger than 64 MiB, the limit for a scenario (the largest shipped one, germany.yaml, has 3.7 MB): is it the right file?");
    }

    [Fact]
    public void AFileThatTellsItsLength_OverTheSizeLimit_IsRejectedAtTheLimit()
    {
        // A file that tells its length is read into a buffer of that length (capped at the limit and one byte).
        var path = FileOfLength("large.yaml", ScenarioLimits.MaxFileBytes + 1L);

        var d = Rejection(() => ScenarioFileReader.Read(path));

        d.Position.Should().Be(new SourcePosition(1, ScenarioLimits.MaxFileBytes + 1));
        d.Message.Should().StartWith("the file is larger than 64 MiB");
    }

    [Fact]
    public void AFileThatTellsItsLength_AtTheSizeLimit_IsReadToItsLastByte()
    {
        // Its last byte is not UTF-8, so the error names it: the whole file was read, and its size passed.
        var path = FileOfLength("at-limit.yaml", ScenarioLimits.MaxFileBytes, last: 0xFF);

        var d = Rejection(() => ScenarioFileReader.Read(path));

        d.Position.Should().Be(new SourcePosition(1, ScenarioLimits.MaxFileBytes));
        d.Message.Should().StartWith("the file is not valid UTF-8 (byte 0xFF here)");
    }

    /// <summary>A file of <paramref name="length"/> zero bytes (sparse where the file system allows), its last byte <paramref name="last"/> if given.</summary>
    private string FileOfLength(string name, long length, byte? last = null)
    {
        var path = _dir.File(name);
        using var file = File.Create(path);
        file.SetLength(length);
        if (last is { } b)
        {
            file.Position = length - 1;
            file.WriteByte(b);
        }

        return path;
    }

    [Fact]
    public void ALatin1File_IsRejectedAtItsFirstNonUtf8Byte_WithHowToConvertIt()
    {
        var d = FileRejection(Encoding.Latin1.GetBytes("name: Landkreis\nagents:\n  - id: bürgeramt\n"));

        d.Position.Should().Be(new SourcePosition(3, 10));
        d.Message.Should().Be("the file is not valid UTF-8 (byte 0xFC here); a scenario file must be UTF-8: if it is Latin-1 (ISO 8859-1), " +
                              "convert it with 'iconv -f latin1 -t utf-8 OLD > NEW'");
    }

    [Fact]
    public void AColumn_CountsCharactersNotBytes()
    {
        // 'ä' is two bytes in UTF-8 and one column.
        var d = FileRejection([.. Encoding.UTF8.GetBytes("name: Bärnau "), 0xFF]);

        d.Position.Should().Be(new SourcePosition(1, 14));
    }

    [Fact]
    public void AUtf16File_IsNamedAsSuch()
    {
        var d = FileRejection([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("name: x\n")]);

        d.Position.Should().Be(new SourcePosition(1, 1));
        d.Message.Should().StartWith("the file is UTF-16; a scenario file must be UTF-8");
    }

    [Fact]
    public void AUtf8ByteOrderMark_IsAccepted_AndIsNotPartOfTheText()
    {
        var text = File.ReadAllText(Repository.Scenario("mmc.yaml"));
        var path = _dir.File("bom.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var loaded = ScenarioLoader.LoadFile(path);

        loaded.Text.Should().Be(text);
        loaded.Hash.Should().Be(ScenarioLoader.LoadFile(Repository.Scenario("mmc.yaml")).Hash);
    }

    [Fact]
    public void AFolder_IsNamedAsAFolder_WithoutAPosition()
    {
        var d = Rejection(() => ScenarioLoader.LoadFile(_dir.Path));

        d.Position.Should().Be(SourcePosition.Unknown);
        d.Message.Should().Be($"'{_dir.Path}' is a folder, not a scenario file");
        d.ToString().Should().Be($"{_dir.Path}: error: '{_dir.Path}' is a folder, not a scenario file");
    }

    [Fact]
    public void AMissingFile_IsNotFound_WithoutAMadeUpPosition()
    {
        var path = _dir.File("nowhere.yaml");

        var d = Rejection(() => ScenarioLoader.LoadFile(path));

        d.ToString().Should().Be($"{path}: error: file not found");
    }

    [Fact]
    public void APathTooLongForTheSystem_GetsAMessage_WithThePathShortened()
    {
        var path = "/tmp/" + new string('x', 100_000) + ".yaml";

        var d = Rejection(() => ScenarioLoader.LoadFile(path));

        d.Message.Should().Be("the path is too long for this system (100,010 characters)");
        d.ToString().Should().Be("/tmp/" + new string('x', 95) + "…" + new string('x', 95) + ".yaml (100,010 characters): error: the path is too long for this system (100,010 characters)");
    }

    [Fact]
    public void APathWithANulCharacter_GetsAMessage()
    {
        var d = Rejection(() => ScenarioLoader.LoadFile("scen\0ario.yaml"));

        d.ToString().Should().Be("scen?ario.yaml: error: not a valid file name (it contains a character no path may hold)");
    }
}
