using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

/// <summary>Each variant operation, applied to a small region, changes exactly what it says and nothing else.</summary>
public sealed class VariantOperationTests
{
    private const string Region = """
        name: region
        start: 2025-01-01
        horizon: 1y
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 2, roles: [fund] }] }
          - id: lk-a
            kind: district
            parent: land
            population: 60000
            agencies:
              - { id: building, staff: 10, productivity: 1.0, roles: [permit] }
              - { id: kreistag, roles: [county-decision], sessions: { every: 56d, agenda: 10 } }
          - id: lk-b
            kind: district
            parent: land
            population: 40000
            agencies:
              - { id: building, staff: 6, productivity: 0.5, roles: [permit] }
              - { id: kreistag, roles: [county-decision], sessions: { every: 56d, agenda: 8 } }
          - { id: amt-a, kind: amt, parent: lk-a, agencies: [{ id: office, staff: 2, roles: [plan] }] }
          - { id: big, kind: municipality, parent: lk-a, population: 30000, agencies: [{ id: office, staff: 3, roles: [plan] }, { id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: small, kind: municipality, parent: amt-a, population: 2000, agencies: [{ id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: other, kind: municipality, parent: lk-b, population: 12000, agencies: [{ id: office, staff: 2, roles: [plan] }, { id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: rail, kind: national-operator, agencies: [{ id: team, staff: 2, roles: [rail] }] }
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 3wd }
              - { id: decide, kind: council, role: decide, after: [plan] }
              - { id: permit, kind: approval, role: permit, effort: 4wd, after: [decide] }
              - { id: rail, role: rail, effort: 2wd, after: [permit] }
        jurisdiction: { plan: administration, decide: self, permit: district, fund: state, rail: rail, county-decision: district }
        demand: [{ process: p, rate: 1/year }]
        variants:
          - { id: merge, operations: [{ op: merge_districts, districts: [lk-a, lk-b], into: lk-ab, name: Landkreis AB, staff_factor: 0.8, handoff: 3d }] }
          - { id: cut, operations: [{ op: scale_staff, kind: district, role: permit, factor: 0.5 }] }
          - { id: delegate, operations: [{ op: delegate, role: permit, min_population: 10000, support_share: 0.25 }] }
          - { id: group, operations: [{ op: working_group, id: wg, members: [rail], below: lk-a, every: 14d }] }
          - { id: liaison, operations: [{ op: liaison, agent: rail, priority: 0, response: 3d }] }
          - { id: cadence, operations: [{ op: council_cadence, kind: municipality, every: 21d, agenda: 4 }] }
          - { id: slow, operations: [{ op: handoff, between: [municipal, district], latency: 5d }] }
          - { id: city, operations: [{ op: unify, district: lk-a, into: stadt-a, name: Stadt A }] }
        """;

    private static readonly ScenarioDefinition Base = ScenarioLoader.Parse(Region, "region.yaml").Definition;

    private static ScenarioDefinition Apply(string variant) => VariantApplier.Apply(Base, variant);

    /// <summary>The region with more variants (list items under 'variants:'), and one of them applied.</summary>
    private static ScenarioDefinition ApplyExtra(string variants, string variant) =>
        VariantApplier.Apply(ScenarioLoader.Parse(Region + "\n" + variants, "region.yaml").Definition, variant);

    private static AgentDefinition Agent(ScenarioDefinition s, string id) => s.Agents.Single(a => a.Id == id);

    private static void Unchanged(ScenarioDefinition applied, params string[] except)
    {
        foreach (var a in Base.Agents.Where(a => !except.Contains(a.Id)))
        {
            Agent(applied, a.Id).Should().BeEquivalentTo(a, $"agent '{a.Id}' is not concerned");
        }

        applied.Processes.Should().BeEquivalentTo(Base.Processes);
        applied.Demand.Should().BeEquivalentTo(Base.Demand);
    }

    [Fact]
    public void MergeDistricts_PoolsAgencies_ScalesStaff_AndRepointsTheTree()
    {
        var s = Apply("merge");
        var merged = Agent(s, "lk-ab");

        s.Agents.Should().NotContain(a => a.Id == "lk-a" || a.Id == "lk-b");
        merged.Kind.Should().Be(AgentKind.District);
        merged.Population.Should().Be(100_000);
        var building = merged.Agencies.Single(g => g.Id == "building");
        building.Staff.Should().Be(13, "(10 + 6) x 0.8 = 12.8");
        building.Productivity.Should().BeApproximately((10 * 1.0 + 6 * 0.5) / 16, 1e-12);
        merged.Agencies.Single(g => g.Id == "kreistag").Sessions!.Agenda.Should().Be(18, "one Kreistag for both territories");
        s.Agents.Where(a => a.Parent == "lk-ab").Select(a => a.Id).Should().BeEquivalentTo("amt-a", "big", "other");
        s.Handoff.Rules.Should().ContainSingle().Which.Should().BeEquivalentTo(new { A = "municipal", B = "lk-ab" });
        Unchanged(s, "lk-a", "lk-b", "amt-a", "big", "other");
        Agent(s, "amt-a").Should().BeEquivalentTo(Agent(Base, "amt-a") with { Parent = "lk-ab" });
    }

    [Fact]
    public void ScaleStaff_ChangesOnlyTheMatchingAgencies()
    {
        var s = Apply("cut");

        Agent(s, "lk-a").Agencies.Single(g => g.Id == "building").Staff.Should().Be(5);
        Agent(s, "lk-b").Agencies.Single(g => g.Id == "building").Staff.Should().Be(3);
        Agent(s, "lk-a").Agencies.Single(g => g.Id == "kreistag").Should().BeEquivalentTo(Agent(Base, "lk-a").Agencies.Single(g => g.Id == "kreistag"));
        Unchanged(s, "lk-a", "lk-b");
    }

    [Fact]
    public void Delegate_GivesTheRoleToLargeMunicipalities_WithTheirShareOfStaff()
    {
        var s = Apply("delegate");

        // lk-a serves big (30,000) and small (2,000): big takes 10 x 30/32 x (1 - 0.25) = 7.03 -> 7
        // posts and lk-a keeps 3; lk-b serves other (12,000) alone: other takes 6 x 0.75 = 4.5 -> 5
        // (half away from zero), lk-b keeps 1 for its support share.
        Agent(s, "big").Agencies.Single(g => g.Id == "delegated-permit").Staff.Should().Be(7);
        Agent(s, "other").Agencies.Single(g => g.Id == "delegated-permit").Should().BeEquivalentTo(new { Staff = 5, Productivity = 0.5 }, "lk-b's posts work at lk-b's productivity");
        Agent(s, "lk-a").Agencies.Single(g => g.Id == "building").Should().BeEquivalentTo(new { Staff = 3, Roles = new[] { "permit", "permit-support" } });
        Agent(s, "lk-b").Agencies.Single(g => g.Id == "building").Staff.Should().Be(1);
        Agent(s, "small").Should().BeEquivalentTo(Agent(Base, "small"), "under 10,000 inhabitants");
        s.Jurisdiction.Single(j => j.Role == "permit").Overrides.Should().BeEquivalentTo(new Dictionary<string, string> { ["big"] = "big", ["other"] = "other" });
        s.Jurisdiction.Single(j => j.Role == "permit-support").Holder.Kind.Should().Be(HolderKind.District);
        s.Processes[0].Steps.Single(x => x.Id == "permit").Support.Should().Be(new SupportDefinition("permit-support", 0.25));
        s.Processes[0].Steps.Where(x => x.Id != "permit").Should().BeEquivalentTo(Base.Processes[0].Steps.Where(x => x.Id != "permit"));
    }

    [Fact]
    public void Delegate_TheSameRoleTwice_KeepsOneSupportRole()
    {
        // First to towns of 20,000+ (big), then to 10,000+ (other): one support rule, and no holder lists the support role twice.
        const string twice = """
              - id: twice
                operations:
                  - { op: delegate, role: permit, min_population: 20000, support_share: 0.25 }
                  - { op: delegate, role: permit, min_population: 10000, support_share: 0.25 }
            """;
        var s = ApplyExtra(twice, "twice");

        s.Jurisdiction.Where(j => j.Role == "permit-support").Should().ContainSingle().Which.Holder.Kind.Should().Be(HolderKind.District);
        s.Jurisdiction.Single(j => j.Role == "permit").Overrides.Should().BeEquivalentTo(new Dictionary<string, string> { ["big"] = "big", ["other"] = "other" });
        Agent(s, "lk-a").Agencies.Single(g => g.Id == "building").Roles.Should().Equal("permit", "permit-support");
        Agent(s, "lk-b").Agencies.Single(g => g.Id == "building").Roles.Should().Equal("permit", "permit-support");
        Agent(s, "big").Agencies.Single(g => g.Id == "delegated-permit").Roles.Should().Equal("permit");
        Agent(s, "other").Agencies.Single(g => g.Id == "delegated-permit").Roles.Should().Equal("permit");
        var act = () => Runs.RunOne(Runs.Spec(Runs.Parse(Region + "\n" + twice), new(Variant: "twice", HorizonDays: 200)));
        act.Should().NotThrow();
    }

    [Fact]
    public void LaterOperations_MayNameTheMergedDistrict()
    {
        var s = ApplyExtra("""
              - id: merged-group
                operations:
                  - { op: merge_districts, districts: [lk-a, lk-b], into: lk-ab }
                  - { op: scale_staff, agents: [lk-ab], factor: 0.5 }
                  - { op: working_group, id: wg, members: [rail, lk-ab], every: 14d }
            """, "merged-group");

        Agent(s, "lk-ab").Agencies.Single(g => g.Id == "building").Staff.Should().Be(8, "(10 + 6) x 0.5");
        s.WorkingGroups.Should().ContainSingle().Which.Members.Should().Equal(AgentSelector.One("rail"), AgentSelector.One("lk-ab"));
    }

    [Fact]
    public void WorkingGroup_AddsAGroup_AndNothingElse()
    {
        var s = Apply("group");

        var group = s.WorkingGroups.Should().ContainSingle().Which;
        group.Id.Should().Be("wg");
        group.Members.Should().Equal(AgentSelector.One("rail"), AgentSelector.Subtree("lk-a"));
        Unchanged(s);
        var model = IsdnSim.Kernel.Model.SimulationModel.Compile(s);
        model.WorkingGroups[0].Members.Select(m => model.Agents[m].Id).Should().BeEquivalentTo("rail", "lk-a", "amt-a", "big", "small");
    }

    [Fact]
    public void WorkingGroup_Describe_NamesMembersAndSubtree()
    {
        new AddWorkingGroup("wg", [AgentSelector.One("rail"), AgentSelector.Subtree("lk-a")], new CalendarDays(14), default).Describe().Should().Be("working group 'wg' every 14 d: rail and all agents below lk-a");
        new AddWorkingGroup("wg", [AgentSelector.Subtree("lk-a")], new CalendarDays(14), default).Describe().Should().Be("working group 'wg' every 14 d: all agents below lk-a");
        new AddWorkingGroup("wg", [AgentSelector.One("rail"), AgentSelector.One("big")], new CalendarDays(14), default).Describe().Should().Be("working group 'wg' every 14 d: rail, big");
    }

    [Fact]
    public void Liaison_GivesMunicipalRequestsPriority_AndAResponseTime()
    {
        var s = Apply("liaison");

        Agent(s, "rail").Agencies.Single().Should().BeEquivalentTo(new { PriorityQueue = true, ProjectPriority = 0, Staff = 2 });
        s.Handoff.Rules.Should().ContainSingle().Which.Should().BeEquivalentTo(new { A = "municipal", B = "rail" });
        Unchanged(s, "rail");
    }

    [Fact]
    public void CouncilCadence_ChangesMunicipalCouncilsOnly()
    {
        var s = Apply("cadence");

        foreach (var id in new[] { "big", "small", "other" })
        {
            Agent(s, id).Agencies.Single(g => g.Id == "council").Sessions.Should().BeEquivalentTo(new { Agenda = 4 }).And.Match<SessionsDefinition>(x => x.Every.Value == 21);
        }

        Agent(s, "lk-a").Should().BeEquivalentTo(Agent(Base, "lk-a"), "a Kreistag is not a municipal council");
        Unchanged(s, "big", "small", "other");
    }

    [Fact]
    public void Handoff_AddsOneRule()
    {
        var s = Apply("slow");

        s.Handoff.Rules.Should().ContainSingle().Which.Latency.Value.Should().Be(5);
        s.Handoff.Default.Value.Should().Be(2);
        Unchanged(s);
    }

    [Fact]
    public void Unify_MakesOneCity_WhoseQuartersKeepTheirProjects()
    {
        var s = Apply("city");
        var city = Agent(s, "stadt-a");

        city.Kind.Should().Be(AgentKind.City);
        city.Population.Should().Be(32_000, "the quarters' inhabitants");
        DemandOwners.Territories(s).Select(a => a.Id).Should().BeEquivalentTo(["big", "small", "other"], "projects still arise in the quarters, not in the city as well");
        s.Agents.Should().NotContain(a => a.Id == "lk-a" || a.Id == "amt-a");
        Agent(s, "big").Should().BeEquivalentTo(new { Parent = "stadt-a", Agencies = Array.Empty<AgencyDefinition>() });
        Agent(s, "small").Should().BeEquivalentTo(new { Parent = "stadt-a", Agencies = Array.Empty<AgencyDefinition>() });
        city.Agencies.Select(g => g.Id).Should().BeEquivalentTo("building", "office", "council");
        city.Agencies.Single(g => g.Id == "office").Staff.Should().Be(5, "the Amt's 2 and big's 3");
        city.Agencies.Single(g => g.Id == "council").Roles.Should().BeEquivalentTo("county-decision", "decide");
        city.Agencies.Single(g => g.Id == "council").Sessions!.Every.Value.Should().Be(28, "the city council meets as big's council did, not as the Kreistag (every 56 d)");

        var resolver = new JurisdictionResolver(s.Agents, s.Jurisdiction);
        foreach (var role in new[] { "plan", "decide", "permit" })
        {
            resolver.Resolve("small", role).Agent!.Id.Should().Be("stadt-a", $"the city holds '{role}' for its quarters");
        }

        resolver.Resolve("other", "permit").Agent!.Id.Should().Be("lk-b", "the other district is not concerned");
        Agent(s, "other").Should().BeEquivalentTo(Agent(Base, "other"));
    }

    [Fact]
    public void EveryShippedVariant_AppliesAndRuns()
    {
        foreach (var variant in Base.Variants)
        {
            var spec = Runs.Spec(Runs.Parse(Region), new(Variant: variant.Id, HorizonDays: 200));
            var act = () => Runs.RunOne(spec);
            act.Should().NotThrow($"variant '{variant.Id}'");
        }
    }
    /// <summary>Two approvals that return files: an application's completeness check (60 % distant, 30 % local) and a permit (40 %, 15 %).</summary>
    private const string Reworking = """
        name: reworking
        start: 2025-01-01
        horizon: 3y
        handoff: 2d
        agents:
          - { id: lk, kind: district, agencies: [{ id: building, staff: 3, roles: [check, permit] }] }
          - { id: town, kind: municipality, parent: lk, population: 20000, agencies: [{ id: office, staff: 2, roles: [file] }] }
        processes:
          - id: application
            steps:
              - { id: filing, role: file, effort: 1h }
              - { id: check, kind: approval, role: check, after: [filing], effort: 2h, rework: { probability: 0.6, local_probability: 0.3, returns_to: filing, effort: 2h } }
              - { id: permit, kind: approval, role: permit, after: [check], effort: 1wd, rework: { probability: 0.4, local_probability: 0.15, returns_to: filing, effort: 2h } }
        jurisdiction: { file: self, check: district, permit: district }
        demand: [{ process: application, rate: 40/year }]
        variants:
          - { id: half-check, operations: [{ op: scale_rework, process: application, step: check, factor: 0.5 }] }
          - { id: by-role, operations: [{ op: scale_rework, role: permit, factor: 0.25 }] }
          - { id: none, operations: [{ op: scale_rework, process: application, factor: 0 }] }
          - { id: too-much, operations: [{ op: scale_rework, step: check, process: application, factor: 2 }] }
        """;

    private static ReworkDefinition ReworkOf(ScenarioDefinition s, string step) => s.Processes[0].Steps.Single(x => x.Id == step).Rework!;

    [Fact]
    public void ScaleRework_MultipliesBothProbabilities_OfTheMatchingSteps()
    {
        var scenario = ScenarioLoader.Parse(Reworking.Replace("factor: 2", "factor: 1", StringComparison.Ordinal), "reworking.yaml").Definition;

        // 0.6 × 0.5 = 0.3 and 0.3 × 0.5 = 0.15 at the check; the permit untouched.
        var half = VariantApplier.Apply(scenario, "half-check");
        (ReworkOf(half, "check").Probability, ReworkOf(half, "check").LocalProbability).Should().Be((0.3, 0.15));
        ReworkOf(half, "permit").Should().Be(ReworkOf(scenario, "permit"));
        ReworkOf(half, "check").Effort.Should().Be(ReworkOf(scenario, "check").Effort, "only the chance of a return changes");

        // By role: the permit's 0.4 × 0.25 = 0.1 and 0.15 × 0.25 = 0.0375; the check untouched.
        var byRole = VariantApplier.Apply(scenario, "by-role");
        (ReworkOf(byRole, "permit").Probability, ReworkOf(byRole, "permit").LocalProbability).Should().Be((0.1, 0.0375));
        ReworkOf(byRole, "check").Should().Be(ReworkOf(scenario, "check"));
    }

    [Fact]
    public void ScaleRework_AboveOne_IsAnErrorAtTheOperation()
    {
        var act = () => ScenarioLoader.Parse(Reworking, "reworking.yaml");

        var d = act.Should().Throw<Scenario.Diagnostics.ScenarioException>().Which.Diagnostics.Should().ContainSingle().Subject;
        d.Message.Should().Contain("variant 'too-much': scale_rework: the rework probability of step 'check' of 'application' would be 1.2, above 1");
        d.Position.Line.Should().Be(Reworking.Split('\n').ToList().FindIndex(l => l.Contains("too-much", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void ScaleRework_ToZero_ReturnsNoFile_WhileProjectsArriveAsBefore()
    {
        var yaml = Reworking.Replace("factor: 2", "factor: 1", StringComparison.Ordinal);
        var before = Runs.RunOne(Runs.Spec(Runs.Parse(yaml)));
        var after = Runs.RunOne(Runs.Spec(Runs.Parse(yaml), new(Variant: "none")));

        before.Tallies.Reworks.Sum().Should().BePositive("at 60 % and 40 %, files come back in the scenario as written");
        after.Tallies.Reworks.Sum().Should().Be(0, "a probability of 0 returns nothing: the draw is never below 0");
        after.Projects.Should().OnlyContain(p => p.Reworks == 0);

        // Common random numbers: the same projects arrive at the same times.
        after.Arrivals.Should().Equal(before.Arrivals);
    }

    [Fact]
    public void AddCost_NeedsACostsSection_AndOneBearer()
    {
        var noCosts = Region.Replace("  - { id: city, operations", "  - { id: priced, operations: [{ op: add_cost, id: x, agent: land, amount: 1 EUR/year }] }\n  - { id: city, operations", StringComparison.Ordinal);
        var act = () => ScenarioLoader.Parse(noCosts, "region.yaml");
        act.Should().Throw<Scenario.Diagnostics.ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("adds a cost, but the scenario has no 'costs' section");

        var both = ScenarioWithCosts("""{ op: add_cost, id: x, agent: land, role: plan, amount: 1 EUR/year }""");
        var bothAct = () => ScenarioLoader.Parse(both, "region.yaml");
        bothAct.Should().Throw<Scenario.Diagnostics.ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("needs 'agent' (who bears the cost) or 'role'");

        var twice = ScenarioWithCosts("""{ op: add_cost, id: x, agent: land, amount: 1 EUR/year }, { op: add_cost, id: x, agent: rail, amount: 2 EUR/year }""");
        var twiceAct = () => ScenarioLoader.Parse(twice, "region.yaml");
        twiceAct.Should().Throw<Scenario.Diagnostics.ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("there is a cost item 'x' already");

        var fine = ScenarioLoader.Parse(ScenarioWithCosts("""{ op: add_cost, id: liaison-posts, agent: rail, posts: 2, pay_group: EG 9c }"""), "region.yaml").Definition;
        var item = VariantApplier.Apply(fine, "priced").Costs!.Items.Should().ContainSingle().Subject;
        item.Should().Be(new YearlyCostDefinition("liaison-posts", "liaison-posts", "rail", 0, 2, new PostCost("EG 9c", 70_000), item.Position));
        item.Position.Should().Be(fine.Variants.Single(v => v.Id == "priced").Operations[0].Position, "the item is written where the operation is");
    }

    /// <summary>The small region with a costs section and a variant 'priced' of <paramref name="operations"/>.</summary>
    private static string ScenarioWithCosts(string operations) =>
        Region.Replace("agents:\n", "costs: { pay_groups: { EG 9c: 70_000 EUR/year }, defaults: { state: EG 9c, district: EG 9c, amt: EG 9c, municipality: EG 9c, national-operator: EG 9c } }\nagents:\n", StringComparison.Ordinal)
            .Replace("  - { id: city, operations", $"  - {{ id: priced, operations: [{operations}] }}\n  - {{ id: city, operations", StringComparison.Ordinal);
}
