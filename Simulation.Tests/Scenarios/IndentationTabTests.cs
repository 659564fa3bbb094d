using IsdnSim.Runner.Hosting;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// A tab in an indentation is named where it is, in plain words, instead of YamlDotNet's grammar
/// at the top of the block ("While scanning a mapping, found invalid tab as indentation" at 1:1);
/// a tab that is content, or one that is not what went wrong, does not hide the real error.
/// </summary>
public sealed class IndentationTabTests : CliTest
{
    // The scenario of BadScenarios/zero-staff.yaml up to its first agency, enough to fail on.
    private const string Head = "name: t\nstart: 2025-01-01\nhorizon: 2y\nagents:\n  - id: lk\n    kind: district\n";

    [Fact]
    public async Task ATabInAnIndentation_IsReportedAtItsLineAndColumn_InPlainWords()
    {
        var path = Dir.File("tabs.yaml");
        File.WriteAllText(path, Head + "    agencies:\n      - id: building\n  \tstaff: 4\n");

        var exit = await Isdnsim("validate", path);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"{path}:9:3: error: tabs are not allowed for indentation, use spaces\n1 problem in {path}; nothing was run.\n");
    }

    [Theory]
    [InlineData("\tkind: municipality\n", "t.yaml:8:1: error: tabs are not allowed for indentation, use spaces")]
    [InlineData("\tkind: municipality\n\tparent: lk\n", "t.yaml:8:1: error: tabs are not allowed for indentation, use spaces (line 9 too)")]
    [InlineData("\tkind: municipality\n\tparent: lk\n\tpopulation: 9\n\tagencies: []\n\tlocation: [52, 13]\n",
        "t.yaml:8:1: error: tabs are not allowed for indentation, use spaces (lines 9, 10, 11 and 1 more too)")]
    public void EveryLineIndentedWithTabs_IsCounted_TheFirstNamed(string agent, string expected)
    {
        var act = () => ScenarioLoader.Parse(Head + "  - id: town\n" + agent, "t.yaml");

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Select(d => d.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void ATabThatIsContent_DoesNotHideTheRealError()
    {
        // The tab after the block scalar's two-space indentation is text of the description; the
        // unclosed quote four lines below is what fails, and it fails the same with the tab made spaces.
        var yaml = "name: t\ndescription: |\n  first\n  \tsecond, indented\nstart: 2025-01-01\nhorizon: \"2y\n";

        var act = () => ScenarioLoader.Parse(yaml, "t.yaml");

        var d = act.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle().Which;
        d.Message.Should().StartWith("YAML syntax error").And.NotContain("tab");
        d.Position.Line.Should().BeGreaterThanOrEqualTo(6, "the quote opens on line 6");
    }

    [Fact]
    public void AFileWithATabAsContent_AndNoError_StillLoads()
    {
        var scenario = File.ReadAllText(Repository.BadScenario("zero-staff.yaml")).Replace("staff: 0", "staff: 4", StringComparison.Ordinal)
            .Replace("name: Bad input example\n", "name: Bad input example\ndescription: |\n  a line\n  \tindented with a tab, as text\n", StringComparison.Ordinal);

        ScenarioLoader.Parse(scenario, "t.yaml").Definition.Description.Should().Be("a line\n\tindented with a tab, as text\n");
    }
}
