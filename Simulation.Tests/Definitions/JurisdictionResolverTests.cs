using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Definitions;

/// <summary>
/// The resolver's "nearest" rule searches breadth first below each ancestor, in file order; it
/// skips subtrees that hold the role nowhere, which must not change which holder is found.
/// And a scenario compiled for a run is parsed once, with only the variant it runs checked
/// when its text comes from elsewhere (a silo).
/// </summary>
public sealed class JurisdictionResolverTests
{
    // land -> kreis-a -> dorf-a1 (no operator anywhere below kreis-a)
    //      -> kreis-b -> dorf-b1 -> werke-b1 (a utility of the village: three levels below the land)
    //      -> netz-1, netz-2 (two operators right under the land, in this order)
    private const string Tree = """
        name: nearest
        seed: 1
        start: 2025-01-01
        horizon: 100d
        calendar: { kind: continuous }
        agents:
          - { id: land, kind: state, agencies: [{ id: office, staff: 1, roles: [plan] }] }
          - { id: kreis-a, kind: district, parent: land, agencies: [{ id: office, staff: 1, roles: [permit] }] }
          - { id: kreis-b, kind: district, parent: land, agencies: [{ id: office, staff: 1, roles: [permit] }] }
          - { id: dorf-a1, kind: municipality, parent: kreis-a, population: 1000, agencies: [{ id: office, staff: 1, roles: [local] }] }
          - { id: dorf-b1, kind: municipality, parent: kreis-b, population: 1000, agencies: [{ id: office, staff: 1, roles: [local] }] }
          - { id: werke-b1, kind: utility, parent: dorf-b1, agencies: [{ id: lines, staff: 1, roles: [grid] }] }
          - { id: netz-1, kind: national-operator, parent: land, agencies: [{ id: lines, staff: 1, roles: [grid] }] }
          - { id: netz-2, kind: national-operator, parent: land, agencies: [{ id: lines, staff: 1, roles: [grid] }] }
        processes:
          - id: connect
            steps:
              - { id: apply, role: local, effort: 1wd }
              - { id: connect, role: grid, effort: 1wd, after: [apply] }
        jurisdiction:
          local: self
          permit: district
          plan: state
          grid: { holder: nearest }
        demand: [{ process: connect, rate: 1/year }]
        variants:
          - { id: fine, operations: [{ op: scale_staff, role: local, factor: 2 }] }
          - { id: broken, operations: [{ op: merge_districts, districts: [kreis-a, kreis-b], into: kreis-ab }, { op: scale_staff, agents: [kreis-a], factor: 2 }] }
        """;

    private static JurisdictionResolver Resolver()
    {
        var d = ScenarioLoader.ParseForRun(Tree, "nearest.yaml", "fine").Definition;
        return new JurisdictionResolver(d.Agents, d.Jurisdiction);
    }

    [Theory]
    [InlineData("dorf-b1", "werke-b1")] // its own utility, below the village itself
    [InlineData("dorf-a1", "netz-1")]   // nothing below the village or kreis-a: one level below the land, the first in file order
    [InlineData("kreis-b", "werke-b1")] // two levels below kreis-b, before anything below the land is searched
    [InlineData("land", "netz-1")]      // from the top: the operators one level down beat the utility three levels down
    public void Nearest_IsTheFirstHolderBreadthFirst_BelowTheClosestAncestorThatHasOne(string from, string holder)
    {
        var r = Resolver().Resolve(from, "grid");

        r.Ok.Should().BeTrue(r.Problem);
        r.Agent!.Id.Should().Be(holder);
    }

    [Fact]
    public void Nearest_OfAKind_SkipsHoldersOfOtherKinds()
    {
        // dorf's own utility holds 'grid' and 'heat' (in its second agency); a national operator beside the district holds both too.
        const string yaml = """
            name: nearest of a kind
            seed: 1
            start: 2025-01-01
            horizon: 100d
            calendar: { kind: continuous }
            agents:
              - { id: land, kind: state, agencies: [{ id: office, staff: 1, roles: [plan] }] }
              - { id: kreis, kind: district, parent: land, agencies: [{ id: office, staff: 1, roles: [plan] }] }
              - { id: dorf, kind: municipality, parent: kreis, population: 1000, agencies: [{ id: office, staff: 1, roles: [local] }] }
              - id: werke
                kind: utility
                parent: dorf
                agencies: [{ id: lines, staff: 1, roles: [grid] }, { id: pipes, staff: 1, roles: [heat] }]
              - { id: netz, kind: national-operator, parent: land, agencies: [{ id: lines, staff: 1, roles: [grid, heat] }] }
            processes:
              - id: connect
                steps:
                  - { id: apply, role: local, effort: 1wd }
                  - { id: connect, role: grid, effort: 1wd, after: [apply] }
                  - { id: heat, role: heat, effort: 1wd, after: [connect] }
            jurisdiction:
              local: self
              plan: state
              grid: { holder: nearest }
              heat: { holder: nearest, kind: national-operator }
            demand: [{ process: connect, rate: 1/year }]
            """;
        var d = ScenarioLoader.Parse(yaml, "kind.yaml").Definition;
        var resolver = new JurisdictionResolver(d.Agents, d.Jurisdiction);

        var grid = resolver.Resolve("dorf", "grid");
        var heat = resolver.Resolve("dorf", "heat");

        (grid.Agent!.Id, grid.Agency!.Id).Should().Be(("werke", "lines"));
        (heat.Agent!.Id, heat.Agency!.Id).Should().Be(("netz", "lines"), "the utility below the village holds 'heat' too, but is no national operator");
    }

    [Fact]
    public void AgentsWithARepeatedId_AreRefused()
    {
        var d = ScenarioLoader.ParseForRun(Tree, "nearest.yaml", "fine").Definition;
        List<AgentDefinition> agents = [.. d.Agents, d.Agents[0] with { Parent = null }];

        var act = () => new JurisdictionResolver(agents, d.Jurisdiction);

        act.Should().Throw<ArgumentException>().WithMessage("*same key*Key: land*");
    }

    [Fact]
    public void ResolvingByIndex_AnswersAsByName_InAnyOrderOfAsking()
    {
        // Brandenburg: Ämter, districts, cities and nearest-held roles; each variant changes who holds what.
        var scenario = Runs.Load("brandenburg.yaml").Definition;
        foreach (var d in scenario.Variants.Select(v => VariantApplier.Apply(scenario, v.Id)).Prepend(scenario))
        {
            var byIndex = new JurisdictionResolver(d.Agents, d.Jurisdiction);
            var byName = new JurisdictionResolver(d.Agents, d.Jurisdiction);
            var answers = new List<(string Agent, string Role, JurisdictionResolver.Resolution Answer)>();
            for (var a = d.Agents.Count - 1; a >= 0; a--)
            {
                for (var r = 0; r < d.Jurisdiction.Count; r++)
                {
                    byIndex.AgentIndex(d.Agents[a].Id).Should().Be(a);
                    byIndex.RoleIndex(d.Jurisdiction[r].Role).Should().Be(r);
                    answers.Add((d.Agents[a].Id, d.Jurisdiction[r].Role, byIndex.Resolve(a, r)));
                }
            }

            foreach (var (agent, role, answer) in answers.AsEnumerable().Reverse())
            {
                byName.Resolve(agent, role).Should().Be(answer, $"{role} for {agent} in {d.AppliedVariant ?? "the file"}");
            }

            answers.Count(x => x.Answer.Ok).Should().BeGreaterThan(answers.Count / 2);
        }
    }

    [Fact]
    public void AnUnknownAgentOrRole_IsAnsweredByName()
    {
        var resolver = Resolver();

        resolver.AgentIndex("nobody").Should().Be(-1);
        resolver.RoleIndex("no-such-role").Should().Be(-1);
        resolver.Resolve("dorf-a1", "no-such-role").Problem.Should().Be("role 'no-such-role' has no entry in jurisdiction");
        resolver.Resolve("nobody", "grid").Problem.Should().Contain("there is none in the tree above or beside 'nobody'");
    }

    [Fact]
    public void Ancestors_RunFromTheAgentToTheTop()
    {
        Resolver().Ancestors("werke-b1").Select(a => a.Id).Should().Equal("werke-b1", "dorf-b1", "kreis-b", "land");
        Resolver().Ancestors("nobody").Should().BeEmpty();
    }

    [Fact]
    public void ParseForRun_ChecksOnlyTheVariantItRuns()
    {
        ScenarioLoader.ParseForRun(Tree, "nearest.yaml", "fine").Definition.Variants.Should().HaveCount(2);
        ScenarioLoader.ParseForRun(Tree, "nearest.yaml", null).Definition.Name.Should().Be("nearest");

        var broken = () => ScenarioLoader.ParseForRun(Tree, "nearest.yaml", "broken");
        broken.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("'kreis-a' is not an agent (any more");

        var everything = () => ScenarioLoader.Parse(Tree, "nearest.yaml");
        everything.Should().Throw<ScenarioException>("validate and the command line check every variant").Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("'kreis-a' is not an agent (any more");
    }

    [Fact]
    public void ParseForRun_ReusesWhatParseGaveForTheSameText_AndParsesACopyAfresh()
    {
        var text = Tree[..Tree.IndexOf("  - { id: broken", StringComparison.Ordinal)];
        var loaded = ScenarioLoader.Parse(text, "nearest.yaml");

        ScenarioLoader.ParseForRun(text, "nearest.yaml", "fine").Should().BeSameAs(loaded, "the command line's parse is not repeated to compile");
        ScenarioLoader.ParseForRun(text, "other.yaml", "fine").Should().NotBeSameAs(loaded, "another file name gives other messages");

        var copy = new string(text.AsSpan());
        var fresh = ScenarioLoader.ParseForRun(copy, "nearest.yaml", "fine");
        fresh.Should().NotBeSameAs(loaded);
        (fresh.Hash, fresh.Definition.Agents.Count).Should().Be((loaded.Hash, loaded.Definition.Agents.Count));
    }

    [Fact]
    public void ParseForRun_ReadsATextOnceForAllItsVariants_AndChecksEachVariantItRuns()
    {
        // A design point's text: a string of its own, read by a run of each variant (on one machine or a silo).
        var point = Tree.Replace("seed: 1", "seed: 7", StringComparison.Ordinal);
        var first = ScenarioLoader.ParseForRun(point, "nearest.yaml", "fine");

        ScenarioLoader.ParseForRun(new string(point.AsSpan()), "nearest.yaml", null).Should().BeSameAs(first, "the same text read again is not parsed again");
        ScenarioLoader.ParseForRun(point, "nearest.yaml", "fine").Should().BeSameAs(first);
        first.Definition.Seed.Should().Be(7UL);

        var broken = () => ScenarioLoader.ParseForRun(point, "nearest.yaml", "broken");
        broken.Should().Throw<ScenarioException>("the variant of this run is checked, though the text was read for another").Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("'kreis-a' is not an agent (any more");
        broken.Should().Throw<ScenarioException>("and asked again, says so again");
    }
}
