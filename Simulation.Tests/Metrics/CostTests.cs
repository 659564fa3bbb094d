using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Metrics;

/// <summary>
/// What the posts of a small region cost a year, worked out by hand, and what merging, cutting and
/// delegating does to it. Costs never change a run: they are figures beside it.
/// </summary>
public sealed class CostTests
{
    /// <summary>
    /// Two districts, a town, a utility. overhead 20 %, workplace 10,000 EUR a post.
    /// A post costs a year: EG 9c 72,300 × 1.2 + 10,000 = 96,760; A 11 98,900 × 1.2 + 10,000 = 128,680;
    /// EG 9b 71,600 × 1.2 + 10,000 = 95,920.
    /// </summary>
    private const string Region = """
        name: costed region
        start: 2025-01-01
        horizon: 2y
        handoff: 2d
        costs:
          pay_groups:
            EG 9c: 72_300 EUR/year
            A 11: 98_900 EUR/year
            EG 9b: 71_600 EUR/year
          defaults: { district: EG 9c, municipality: EG 9b, utility: EG 9c }
          overhead: 0.2
          workplace: 10_000 EUR/year
          items:
            - { id: it, name: IT support, agent: lk-a, amount: 5_000 EUR/year, posts: 0.5, pay_group: EG 9b }
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 1, pay_group: A 11, roles: [fund] }] }
          - id: lk-a
            kind: district
            parent: land
            population: 60000
            agencies:
              - { id: building, staff: 4, roles: [permit] }
              - { id: nature, staff: 1, productivity: 0.5, pay_group: A 11, roles: [nature] }
              - { id: kreistag, roles: [county-decision], sessions: { every: 56d } }
          - id: lk-b
            kind: district
            parent: land
            population: 40000
            agencies:
              - { id: building, staff: 2, pay_group: A 11, roles: [permit] }
              - { id: nature, staff: 1, roles: [nature] }
          - { id: town, kind: municipality, parent: lk-a, population: 30000, agencies: [{ id: office, staff: 2, roles: [plan] }, { id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: other, kind: municipality, parent: lk-b, population: 5000, agencies: [{ id: office, staff: 1, roles: [plan] }, { id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: stadtwerke, kind: utility, parent: town, agencies: [{ id: lines, staff: 1, roles: [lines] }] }
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 3wd }
              - { id: decide, kind: council, role: decide, after: [plan] }
              - { id: permit, kind: approval, role: permit, effort: 4wd, after: [decide], rework: { probability: 0.5, returns_to: plan, effort: 1wd } }
              - { id: lines, role: lines, effort: 1wd, after: [permit] }
        jurisdiction: { plan: administration, decide: self, permit: district, nature: district, fund: state, lines: stadtwerke, county-decision: district }
        demand: [{ process: p, rate: 6/year }]
        variants:
          - { id: cut, operations: [{ op: scale_staff, agents: [lk-a], role: permit, factor: 0.5 }] }
          - { id: merge, operations: [{ op: merge_districts, districts: [lk-a, lk-b], into: lk-ab, staff_factor: 1 }] }
          - { id: merge-cut, operations: [{ op: merge_districts, districts: [lk-a, lk-b], into: lk-ab, staff_factor: 0.5 }] }
          - { id: delegate, operations: [{ op: delegate, role: permit, min_population: 10000 }] }
          - { id: platform, operations: [{ op: add_cost, id: portal, agent: land, amount: 12_000 EUR/year }, { op: add_cost, id: e-file, role: plan, amount: 1_000 EUR/year }] }
        """;

    private static readonly LoadedScenario Loaded = Runs.Parse(Region);

    private static SimulationModel Model(string? variant = null) => Runs.Spec(Loaded, new(Variant: variant)).Compile();

    /// <summary>Costs computed from the model's staff, as a replication's agencies would report it.</summary>
    private static CostFigures Costs(SimulationModel model, double throughputPerYear = 10)
    {
        var agencies = model.Agents.SelectMany(a => a.Agencies.Select(g =>
            new AgencyStatistics(a.Index, g.Index, g.Staff, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], []) { IsCouncil = g.IsCouncil })).ToList();
        return CostFigures.Compute(model, agencies, throughputPerYear)!;
    }

    private static CostLine Line(CostFigures c, SimulationModel model, string agent, string item) =>
        c.Lines.Single(l => model.Agents[l.Agent].Id == agent && l.Item == item);

    [Fact]
    public void CostPerYear_IsPostsAtTheirPayGroup_WithOverheadAndWorkplace_ByHand()
    {
        var model = Model();
        var c = Costs(model);

        // lk-a building: 4 posts of EG 9c by default: 4 × 72,300 = 289,200 staff, 57,840 overhead, 40,000 workplace = 387,040.
        var building = Line(c, model, "lk-a", "building");
        (building.PayGroup, building.Posts).Should().Be(("EG 9c", 4.0));
        building.StaffCost.Should().BeApproximately(289_200, 1e-6);
        building.Overhead.Should().BeApproximately(57_840, 1e-6);
        building.Workplace.Should().BeApproximately(40_000, 1e-6);
        building.Total.Should().BeApproximately(387_040, 1e-6);

        // Half of the nature post works here (productivity 0.5): 0.5 × 128,680 = 64,340.
        Line(c, model, "lk-a", "nature").Total.Should().BeApproximately(64_340, 1e-6);

        // The item: 5,000 + 0.5 × 95,920 = 52,960.
        var item = Line(c, model, "lk-a", "it");
        (item.IsAgency, item.Other, item.Posts).Should().Be((false, 5_000.0, 0.5));
        item.Total.Should().BeApproximately(52_960, 1e-6);

        // Councils cost nothing here: the Kreistag and the town councils have no line.
        c.Lines.Should().NotContain(l => l.Item == "kreistag" || l.Item == "council");

        // Levels: state 128,680 (funding, A 11); district: lk-a 387,040 + 64,340 + 52,960 = 504,340,
        // lk-b 2 × 128,680 + 96,760 = 354,120, together 858,460; municipal: 2 × 95,920 + 95,920 = 287,760;
        // the utility 96,760 is outside the public budget.
        c.ByLevel[(int)Level.State].Should().BeApproximately(128_680, 1e-6);
        c.ByLevel[(int)Level.District].Should().BeApproximately(858_460, 1e-6);
        c.ByLevel[(int)Level.Municipal].Should().BeApproximately(287_760, 1e-6);
        c.ByLevel[(int)Level.Company].Should().BeApproximately(96_760, 1e-6);
        c.Administration.Should().BeApproximately(128_680 + 858_460 + 287_760, 1e-6); // 1,274,900
        c.Companies.Should().BeApproximately(96_760, 1e-6);

        // Ten projects finished a year: 127,490 of the administration per finished project, 137,166 with the utility.
        c.PerFinishedProject.Should().BeApproximately(127_490, 1e-6);
        c.PerFinishedProjectAll.Should().BeApproximately(137_166, 1e-6);
        Costs(model, throughputPerYear: 0).PerFinishedProject.Should().Be(double.NaN, "no project finished: no cost per project");
    }

    [Fact]
    public void ScaleStaff_CutsTheCutPostsOnly()
    {
        var model = Model("cut");
        var c = Costs(model);

        // lk-a's building authority 4 → 2 posts: 2 × 96,760 = 193,520; everything else as before.
        Line(c, model, "lk-a", "building").Total.Should().BeApproximately(193_520, 1e-6);
        c.Administration.Should().BeApproximately(1_274_900 - 193_520, 1e-6);
    }

    [Fact]
    public void MergeDistricts_PoolsPostsOfTwoPayGroups_AtTheirWeightedCost()
    {
        // Building: 4 posts EG 9c and 2 posts A 11 pooled: (4 × 72,300 + 2 × 98,900) / 6 = 81,166.67 a post,
        // 6 × 81,166.67 × 1.2 + 6 × 10,000 = 644,400 = 387,040 + 257,360: merging alone costs nothing.
        var merged = Model("merge");
        var c = Costs(merged);
        var building = Line(c, merged, "lk-ab", "building");
        building.PayGroup.Should().Be("EG 9c / A 11");
        building.Total.Should().BeApproximately(644_400, 1e-6);
        c.Administration.Should().BeApproximately(Costs(Model()).Administration, 1e-6);
        c.Lines.Single(l => l.Item == "it").Agent.Should().Be(merged.Agents.Single(a => a.Id == "lk-ab").Index, "the merged district bears the item of lk-a");

        // Nature: 1 × 0.5 A 11 and 1 × 1.0 EG 9c pooled: 2 staff at productivity 0.75 (1.5 posts), weighted by posts:
        // (0.5 × 98,900 + 1 × 72,300) / 1.5 = 81,166.67; 1.5 × (81,166.67 × 1.2 + 10,000) = 161,100 = 64,340 + 96,760.
        Line(c, merged, "lk-ab", "nature").Total.Should().BeApproximately(161_100, 1e-6);

        // Half the staff: 3 building posts, 3 × 81,166.67 × 1.2 + 30,000 = 322,200; nature 1 post at 0.75: 0.75 × 107,400 = 80,550.
        var cut = Model("merge-cut");
        var cc = Costs(cut);
        Line(cc, cut, "lk-ab", "building").Total.Should().BeApproximately(322_200, 1e-6);
        Line(cc, cut, "lk-ab", "nature").Total.Should().BeApproximately(80_550, 1e-6);
    }

    [Fact]
    public void Delegate_MovesPostsWithTheirPayGroup()
    {
        var model = Model("delegate");
        var c = Costs(model);

        // town is the only municipality lk-a's building authority serves: it takes all 4 EG 9c posts
        // (lk-a keeps one, as an agency keeps at least one), and they stay EG 9c.
        var delegated = Line(c, model, "town", "delegated-permit");
        delegated.PayGroup.Should().Be("EG 9c");
        delegated.Total.Should().BeApproximately(delegated.Posts * 96_760, 1e-6);
        model.Definition.Agents.Single(a => a.Id == "town").Agencies.Single(g => g.Id == "delegated-permit").Cost
            .Should().Be(new PostCost("EG 9c", 72_300));
    }

    [Fact]
    public void AddCost_AddsAnItemPerHolderOfARole()
    {
        var model = Model("platform");
        var c = Costs(model);

        Line(c, model, "land", "portal").Total.Should().Be(12_000);
        c.Lines.Where(l => l.Item.StartsWith("e-file@", StringComparison.Ordinal)).Select(l => model.Agents[l.Agent].Id)
            .Should().BeEquivalentTo(["town", "other"], "both hold the planning role");
        c.Administration.Should().BeApproximately(Costs(Model()).Administration + 12_000 + 2 * 1_000, 1e-6);
    }

    [Fact]
    public void Costs_ChangeNoRun_AndTheRunReportsThem()
    {
        var withCosts = Runs.RunOne(Runs.Spec(Loaded));
        var withoutCosts = Runs.RunOne(Runs.Spec(Runs.Parse(WithoutCosts(Region))));

        withCosts.Projects.Should().Equal(withoutCosts.Projects);
        var model = Model();
        var figures = ReplicationFigures.Compute(model, withCosts);
        figures.Costs!.Administration.Should().BeApproximately(1_274_900, 1e-6);
        figures.Overall.Finished.Should().BePositive();
        figures.Costs.PerFinishedProject.Should().BeApproximately(1_274_900 / figures.Overall.ThroughputPerYear, 1e-6);
    }

    [Fact]
    public void WithoutCosts_NoFigures_AndTheHeadlineMetricsStayAsTheyWere()
    {
        var model = Runs.Spec(Runs.Parse(WithoutCosts(Region))).Compile();

        HeadlineMetrics.For(model).Should().NotContain(m => m.Key.StartsWith("cost", StringComparison.Ordinal));
        HeadlineMetrics.For(Model()).Select(m => m.Key).Should().Contain([HeadlineMetrics.CostPerYear, HeadlineMetrics.CostPerFinishedProject]);
        ReplicationFigures.Compute(model, Runs.RunOne(Runs.Spec(Runs.Parse(WithoutCosts(Region))))).Costs.Should().BeNull();
    }

    /// <summary>The region without its costs section, pay groups and cost variant.</summary>
    private static string WithoutCosts(string yaml)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("costs:", StringComparison.Ordinal));
        var end = lines.FindIndex(start, l => l.StartsWith("agents:", StringComparison.Ordinal));
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines.Where(l => !l.Contains("add_cost", StringComparison.Ordinal)))
            .Replace(", pay_group: A 11", "", StringComparison.Ordinal);
    }
}
