using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Tests.Scenarios;

/// <summary>A council (an agency with sessions) given what only staff have: each such key is named, at the key, in the file's order.</summary>
public sealed class CouncilKeyTests
{
    private static string Region(string council) => $$"""
        name: region
        start: 2025-01-01
        horizon: 1y
        handoff: 2d
        agents:
          - { id: lk, kind: district, agencies: [{ id: building, staff: 4, roles: [permit] }] }
          - id: town
            kind: municipality
            parent: lk
            population: 3000
            agencies:
              - { id: office, staff: 2, roles: [plan] }
              - { {{council}} }
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 3wd }
              - { id: decide, kind: council, role: decide, after: [plan] }
        jurisdiction: { plan: self, decide: self, permit: district }
        demand: [{ process: p, rate: 1/year }]
        """;

    [Fact]
    public void ACouncilWithStaffKeys_IsToldOfEach()
    {
        var act = () => ScenarioLoader.Parse(Region("id: council, roles: [decide], queue: fifo, sessions: { every: 28d }, staff: 3"), "region.yaml");

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Select(d => (d.Position.Line, d.Position.Column, d.Message)).Should().Equal(
            (13, 41, "agency 'council' of agent 'town' is a council (it has sessions) and decides in session; 'queue' applies only to agencies with staff"),
            (13, 80, "agency 'council' of agent 'town' is a council (it has sessions) and decides in session; 'staff' applies only to agencies with staff"));
    }

    [Fact]
    public void ACouncilWithoutThem_Loads()
    {
        ScenarioLoader.Parse(Region("id: council, roles: [decide], sessions: { every: 28d }"), "region.yaml")
            .Definition.Agents.Should().HaveCount(2);
    }
}
