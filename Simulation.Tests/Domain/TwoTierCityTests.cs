using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// A two-tier city state (Berlin, Hamburg): the city (Einheitsgemeinde) with its Senate
/// departments and parliament, two Bezirke below it, each with a Bezirksamt and an elected
/// assembly, a municipal housing company of the whole city, and the Land above.
/// </summary>
public sealed class TwoTierCityTests
{
    private const string CityState = """
        name: city state
        seed: 3
        start: 2025-01-01
        horizon: 400d
        calendar: { kind: continuous }
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 2, roles: [fund] }] }
          - id: stadt
            kind: city
            parent: land
            population: 500000
            agencies:
              - { id: senate, name: Senatsverwaltung, staff: 2, roles: [plan] }
              - { id: parliament, name: Abgeordnetenhaus, roles: [decide], sessions: { every: 14d } }
          - { id: bezirk-a, kind: borough, parent: stadt, population: 300000, agencies: [{ id: planning, staff: 4, roles: [plan] }, { id: building, staff: 6, roles: [permit] }, { id: bvv, roles: [decide], sessions: { every: 28d } }] }
          - { id: bezirk-b, kind: borough, parent: stadt, population: 200000, agencies: [{ id: planning, staff: 3, roles: [plan] }, { id: building, staff: 4, roles: [permit] }, { id: bvv, roles: [decide], sessions: { every: 28d } }] }
          - { id: wohnbau, kind: housing-company, parent: stadt, agencies: [{ id: projects, staff: 2, roles: [housing] }] }
        processes:
          - id: site
            steps:
              - { id: plan, role: plan, effort: 5wd }
              - { id: decide, kind: council, role: decide, after: [plan] }
              - { id: permit, role: permit, effort: 3wd, after: [decide] }
              - { id: fund, role: fund, effort: 2wd, after: [permit] }
              - { id: build, role: housing, effort: 10wd, after: [fund] }
          - id: heat-plan
            steps:
              - { id: draft, role: plan, effort: 20wd }
              - { id: adopt, kind: council, role: decide, after: [draft] }
        jurisdiction:
          plan: administration
          decide: self
          permit: district
          fund: state
          housing: { holder: nearest }
        demand: [{ process: site, rate: 4/year, per_inhabitants: 100000 }]
        shocks:
          - { id: law, date: 2025-01-01, process: heat-plan, groups: [{ name: "over 100,000", min_population: 100001, deadline: 2026-06-30 }] }
        """;

    private static readonly ScenarioDefinition Definition = Runs.Parse(CityState).Definition;

    [Theory]
    [InlineData("plan", "bezirk-a", "planning")]     // administration: the Bezirksamt (a Bezirk has no Amt)
    [InlineData("decide", "bezirk-a", "bvv")]        // self: the Bezirk's own assembly
    [InlineData("permit", "bezirk-a", "building")]   // district: the Bezirk acts at the district level
    [InlineData("fund", "land", "funding")]          // state: the Land above the city
    [InlineData("housing", "wohnbau", "projects")]   // nearest: the city's company, found from the city
    public void ABezirksRoles_ResolveToTheBezirk_OrAboveIt(string role, string agent, string agency)
    {
        var r = new JurisdictionResolver(Definition.Agents, Definition.Jurisdiction).Resolve("bezirk-a", role);

        r.Ok.Should().BeTrue(r.Problem);
        (r.Agent!.Id, r.Agency!.Id).Should().Be((agent, agency));
    }

    [Fact]
    public void TheCityItself_HoldsItsOwnMunicipalRoles()
    {
        var resolver = new JurisdictionResolver(Definition.Agents, Definition.Jurisdiction);

        (resolver.Resolve("stadt", "plan").Agency!.Id, resolver.Resolve("stadt", "decide").Agency!.Id).Should().Be(("senate", "parliament"));
    }

    [Fact]
    public void ProjectsArise_InTheBezirke_ButTheLawObligesTheCity()
    {
        DemandOwners.Territories(Definition).Select(a => a.Id).Should().Equal("bezirk-a", "bezirk-b");
        ShockOwners.Select(Definition, Definition.Shocks[0], out var problem).Select(o => o.Owner.Id).Should().Equal(["stadt"], "a Bezirk is no municipality in law: one heat plan for the city");
        problem.Should().BeNull();
    }

    [Fact]
    public void ABezirksProjects_AreDecidedByItsAssembly_AndCountAsCongruent()
    {
        var result = Runs.RunOne(Runs.Spec(Runs.Parse(CityState), recordSteps: true));
        var model = Runs.Spec(Runs.Parse(CityState)).Compile();
        string AgentOf(int index) => model.Agents[index].Id;

        result.Projects.Should().Contain(p => model.Agents[p.Id.Owner].Id == "bezirk-b");
        foreach (var s in result.Steps.Where(s => model.Processes[s.Project.Process].Id == "site"))
        {
            var owner = AgentOf(s.Project.Owner);
            var step = model.Processes[s.Project.Process].Steps[s.Step].Id;
            AgentOf(s.Agent).Should().Be(step switch { "fund" => "land", "build" => "wohnbau", _ => owner }, $"{step} of a project of {owner}");
        }

        // The heat plan: drafted by the Senate, adopted by the city's parliament, for the city.
        result.Steps.Where(s => model.Processes[s.Project.Process].Id == "heat-plan").Select(s => AgentOf(s.Agent)).Should().Equal("stadt", "stadt");
        result.Tallies.Decisions.Total.Should().BePositive();
        result.Tallies.Decisions.TotalCongruent.Should().Be(result.Tallies.Decisions.Total, "each decision is taken by the assembly elected for the project's territory");
    }

    [Fact]
    public void ABezirkOutsideACity_IsAnError()
    {
        var act = () => Runs.Parse(CityState.Replace("kind: city", "kind: district"));

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Should().Contain(d =>
            d.Message.Contains("agent 'bezirk-a' is a borough (Bezirk), part of a city: its parent must be a city, but 'stadt' is a district"));
    }
}
