using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Tests.Definitions;

/// <summary>Each vocabulary of the scenario format is one table: every value has one name, and the name reads back as the value.</summary>
public sealed class VocabularyTests
{
    [Theory]
    [InlineData("lk-a", "lk-a", false)]
    [InlineData("below:lk-a", "lk-a", true)]
    [InlineData("below-lk", "below-lk", false)]
    public void AgentSelector_ParsesAndFormatsTheSameText(string text, string agent, bool below)
    {
        var selector = AgentSelector.Parse(text);

        selector.Should().Be(new AgentSelector(agent, below));
        selector.ToString().Should().Be(text);
    }

    [Fact]
    public void AgentSelector_KeepsBelowWhenItsAgentIsReplaced()
    {
        AgentSelector.Subtree("lk-a").WithAgent("lk-ab").ToString().Should().Be("below:lk-ab");
    }

    [Fact]
    public void EveryStepKind_HasOneName_ThatParsesBack() => RoundTrips(StepKinds.Table, Enum.GetValues<StepKind>());

    [Fact]
    public void EveryAgentKind_HasOneName_ThatParsesBack() => RoundTrips(AgentKinds.Table, Enum.GetValues<AgentKind>());

    [Fact]
    public void EveryLevel_HasOneName_ThatParsesBack() => RoundTrips(Levels.Table, Enum.GetValues<Level>());

    [Fact]
    public void EveryHolderWord_HasOneName_ThatParsesBack() =>
        RoundTrips(HolderWords.Table, Enum.GetValues<HolderKind>().Where(k => k != HolderKind.Agent));

    [Fact]
    public void StepKinds_AreParsedByName_NotByPosition()
    {
        StepKinds.TryParse("approval", out var kind).Should().BeTrue();
        kind.Should().Be(StepKind.Approval);
        StepKinds.TryParse("Approval", out _).Should().BeFalse("names are case-sensitive, as every key of the format");
    }

    [Fact]
    public void TallyLevels_AreTheLevelsInTheirOrder_AndEveryAgentKindCountsAsOne()
    {
        SimulationModel.Levels.Should().Equal("municipal", "city", "district", "state", "company", "national", "consultancy");
        Enum.GetValues<AgentKind>().Select(Levels.Of).Should().OnlyContain(l => Enum.IsDefined(l));
        Levels.Of(AgentKind.Amt).Should().Be(Level.Municipal);
    }

    [Fact]
    public void ACity_ActsAtTheMunicipalAndTheDistrictLevel_ButHandoffRulesCannotNameCity()
    {
        Enum.GetValues<Level>().Where(l => Levels.Includes(l, AgentKind.City)).Should().Equal(Level.Municipal, Level.City, Level.District);
        Levels.InHandoffRules.Should().Equal("municipal", "district", "state", "company", "national", "consultancy");
        Levels.TryParseHandoffWord("city", out _).Should().BeFalse();
    }

    private static void RoundTrips<T>(NameTable<T> table, IEnumerable<T> values)
        where T : struct, Enum
    {
        var all = values.ToList();
        all.Select(table.Name).Should().OnlyHaveUniqueItems().And.Equal(table.Names);
        foreach (var value in all)
        {
            table.TryParse(table.Name(value), out var parsed).Should().BeTrue();
            parsed.Should().Be(value);
        }
    }
}
