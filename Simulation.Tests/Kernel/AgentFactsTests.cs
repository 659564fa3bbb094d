using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// What calls read about other agents lies in dense tables of the model (<see cref="SimulationModel.Facts"/>,
/// the holders of the roles per municipality in one table): the same values as the agents' model objects.
/// </summary>
public sealed class AgentFactsTests
{
    [Theory]
    [InlineData("rural-district.yaml")]
    [InlineData("brandenburg.yaml")]
    [InlineData("city.yaml")]
    public void EachAgentsFacts_AreItsModelsFields(string scenario)
    {
        var model = Runs.Spec(Runs.Load(scenario)).Compile();

        model.Facts.Should().HaveCount(model.Agents.Count);
        model.Facts.Should().Equal(model.Agents.Select(a => new AgentFacts(a.IdHash, a.Level, a.Amt, a.Seat)));
        if (scenario == "brandenburg.yaml")
        {
            model.Facts.Should().Contain(f => f.Amt >= 0, "Brandenburg's Ämter must be among them");
        }
    }

    [Fact]
    public void AnAgentWhoseProjectsNoStepServes_HoldsNoRole_InTheHoldersTable()
    {
        // The state of the rural scenario owns no project: its row of the table holds no holder
        // (agent and agency -1, as for a role no one holds), a municipality's row holds its own
        // offices and its district.
        var model = Runs.Spec(Runs.Load("rural-district.yaml")).Compile();
        var state = model.Agents.Single(a => a.Kind == AgentKind.State).Index;
        var municipality = model.Agents.First(a => a.Kind == AgentKind.Municipality);

        Enumerable.Range(0, model.Roles.Count).Select(r => model.HolderOf(state, r))
            .Should().OnlyContain(h => h == new Holder(-1, -1));
        Enumerable.Range(0, model.Roles.Count).Select(r => model.HolderOf(municipality.Index, r))
            .Should().Contain(h => h.Agent == municipality.Index).And.Contain(h => h.Agent == municipality.Parent);
    }
}
