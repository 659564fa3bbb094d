using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Definitions;

/// <summary>
/// A check that passed hands its jurisdiction resolver over to the compile of the definition it
/// checked (Germany resolves every municipality's roles in both): taken once, only for the very
/// lists it was made for, and compiling with it gives the model a resolver of its own gives.
/// </summary>
public sealed class ResolverHandOverTests
{
    private const string Small = """
        name: handover
        seed: 1
        start: 2025-01-01
        horizon: 100d
        calendar: { kind: continuous }
        agents:
          - { id: land, kind: state, agencies: [{ id: office, staff: 1, roles: [plan] }] }
          - { id: kreis, kind: district, parent: land, agencies: [{ id: office, staff: 1, roles: [permit] }] }
          - { id: dorf, kind: municipality, parent: kreis, population: 1000, agencies: [{ id: office, staff: 1, roles: [local] }] }
        processes:
          - id: build
            steps:
              - { id: apply, role: local, effort: 1wd }
              - { id: permit, role: permit, effort: 1wd, after: [apply] }
        jurisdiction:
          local: self
          permit: district
          plan: state
        demand: [{ process: build, rate: 1/year }]
        """;

    [Fact]
    public void Take_gives_the_resolver_handed_over_once_and_only_for_its_own_lists()
    {
        var d = ScenarioLoader.Parse(Small, "handover.yaml", variantsToCheck: null).Definition;
        var handed = new JurisdictionResolver(d.Agents, d.Jurisdiction);
        handed.HandOver();

        Assert.NotSame(handed, JurisdictionResolver.Take(d.Agents, [.. d.Jurisdiction])); // other rules: a new one, and it stays
        Assert.NotSame(handed, JurisdictionResolver.Take([.. d.Agents], d.Jurisdiction)); // other agents: a new one
        Assert.True(JurisdictionResolver.Waiting(d.Agents));
        Assert.Same(handed, JurisdictionResolver.Take(d.Agents, d.Jurisdiction));
        Assert.False(JurisdictionResolver.Waiting(d.Agents));
        Assert.NotSame(handed, JurisdictionResolver.Take(d.Agents, d.Jurisdiction));
    }

    [Fact]
    public void A_check_that_passed_hands_its_resolver_over_and_a_compile_takes_it()
    {
        var d = ScenarioLoader.Parse(Small, "handover.yaml", variantsToCheck: null).Definition;
        Assert.Empty(ScenarioChecks.Check(d));
        Assert.True(JurisdictionResolver.Waiting(d.Agents));

        SimulationModel.Compile(d with { Seed = 2 }); // a run's overrides keep the agents and rules
        Assert.False(JurisdictionResolver.Waiting(d.Agents));
    }

    [Fact]
    public void A_check_with_problems_hands_nothing_over()
    {
        var d = ScenarioLoader.Parse(Small, "handover.yaml", variantsToCheck: null).Definition;
        var bad = d with { Agents = [.. d.Agents.Select(a => a.Id == "kreis" ? a with { Agencies = [] } : a)] }; // no one holds 'permit'

        Assert.Contains(ScenarioChecks.Check(bad), p => p.Message.Contains("none of the agencies of 'kreis' lists role 'permit'", StringComparison.Ordinal));
        Assert.False(JurisdictionResolver.Waiting(bad.Agents));
    }

    [Theory]
    [InlineData("rural-district.yaml")]
    [InlineData("city.yaml")]
    public void A_model_compiled_with_the_checks_resolver_is_the_model_compiled_with_a_new_one(string file)
    {
        var d = Runs.Load(file).Definition;
        Assert.Empty(ScenarioChecks.Check(d));
        Assert.True(JurisdictionResolver.Waiting(d.Agents));
        var withChecks = SimulationModel.Compile(d);
        Assert.False(JurisdictionResolver.Waiting(d.Agents));
        var fresh = SimulationModel.Compile(d);

        for (var m = 0; m < fresh.Agents.Count; m++)
        {
            Assert.Equal(fresh.SegmentCandidates(m), withChecks.SegmentCandidates(m));
            Assert.Equal(fresh.Predecessors(m).ToArray(), withChecks.Predecessors(m).ToArray());
            Assert.Equal(fresh.PredecessorLatencies(m).ToArray(), withChecks.PredecessorLatencies(m).ToArray());
            for (var p = 0; p < fresh.Processes.Count; p++)
            {
                for (var s = 0; s < fresh.Processes[p].Steps.Count; s++)
                {
                    if (fresh.Sources[fresh.Agents[m].Host].Any(x => x.Owner == m && x.Process == p))
                    {
                        Assert.Equal(fresh.HolderOf(m, p, s), withChecks.HolderOf(m, p, s));
                    }
                }
            }
        }
    }
}
