using IsdnSim.Grains;

namespace IsdnSim.Tests.Orleans;

public sealed class AgentGroupsTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(7, 2)]
    [InlineData(13_331, 2)]
    [InlineData(30, 64)]
    public void EveryAgent_IsInExactlyOneGroup_AtTheIndexItsGroupGivesIt(int agents, int cores)
    {
        var groups = AgentGroups.Count(agents, cores);
        var listed = new List<int>();
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < AgentGroups.Size(g, groups, agents); i++)
            {
                var agent = AgentGroups.Member(g, i, groups);
                (AgentGroups.GroupOf(agent, groups), AgentGroups.IndexOf(agent, groups)).Should().Be((g, i));
                listed.Add(agent);
            }
        }

        listed.Order().Should().Equal(Enumerable.Range(0, agents));
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(30, 2, 8)]
    [InlineData(30, 64, 30)]
    [InlineData(13_331, 0, 4)]
    public void WithAnAgentAGroup_GroupsAreFourPerCore_AndNeverMoreThanAgents(int agents, int cores, int expected) =>
        AgentGroups.Count(agents, cores, agentsPerGroup: 1).Should().Be(expected);

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(36, 2, 1)]
    [InlineData(256, 2, 1)]
    [InlineData(257, 2, 2)]
    [InlineData(520, 2, 3)]
    [InlineData(13_331, 2, 8)]
    [InlineData(13_331, 64, 53)]
    public void ByDefault_AGroupIsBegunPer256Agents_AtMostFourPerCore(int agents, int cores, int expected) =>
        AgentGroups.Count(agents, cores).Should().Be(expected);

    [Theory]
    [InlineData(13_114, 1, 1)]
    [InlineData(13_114, 2, 1)]
    [InlineData(13_114, 3, 12)]
    [InlineData(13_114, 4, 16)]
    [InlineData(36, 8, 1)]
    public void OnTheEmbeddedSilo_AReplicationIsSplitOnlyFromThreeCores(int agents, int cores, int expected) =>
        AgentGroups.Count(agents, cores, coresToSplit: AgentGroups.EmbeddedCoresToSplit).Should().Be(expected);

    [Fact]
    public void ByDefault_ASiloWithOneCore_StillSplits() =>
        AgentGroups.Count(13_114, 1, agentsPerGroup: 1).Should().Be(AgentGroups.PerCore);
}
