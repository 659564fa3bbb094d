using IsdnSim.Analysis.Metrics;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

// Inside the namespace, so this import is found before the namespace IsdnSim.Scenario when the name is Scenario.
using static IsdnSim.Tests.Domain.StepKindTests;

/// <summary>Priorities at a national operator, working groups, support by the district, critical path and territorial congruence.</summary>
public sealed class OperatorAndGroupTests
{
    private const double Exact = 1e-9;

    /// <summary>A rail operator's one planner always has national work (10 d each) queued; a town's request needs 1 d.</summary>
    private static string Operator(string liaison) => $$"""
        name: operator
        seed: 4
        start: 2025-01-01
        horizon: 3000d
        calendar: { kind: continuous }
        handoff: 2d
        agents:
          - { id: lk, kind: district, agencies: [{ id: office, staff: 1, roles: [x] }] }
          - id: rail
            kind: national-operator
            agencies:
              - id: team
                staff: 1
                roles: [rail]
                queue: priority
                background: { rate: 0.2/day, effort: 10wd, priority: 1 }
          - { id: town, kind: municipality, parent: lk, agencies: [{ id: admin, staff: 4, roles: [plan] }] }
        processes:
          - id: p
            steps:
              - { id: ask, role: rail, effort: 1wd }
              - { id: done, role: plan, effort: 0wd, after: [ask] }
        jurisdiction: { plan: self, rail: rail, x: district }
        demand: [{ process: p, rate: 6/year }]
        variants:
          - { id: status-quo, operations: [] }
          - { id: liaison, operations: [{ op: liaison, agent: rail, priority: 0 {{liaison}} }] }
        """;

    [Fact]
    public void NationalPortfolio_GoesFirst_UnlessALiaisonGivesMunicipalRequestsPriority()
    {
        // Background arrives at 0.2/day with 10 d each: the planner is overloaded, and municipal
        // requests (priority 2) wait behind every national item (priority 1) - for good. With a
        // liaison (priority 0), a request waits at most for the item in hand: under 10 days.
        var yaml = Operator("");
        var before = Runs.RunOne(Runs.Spec(Runs.Parse(yaml), new(Variant: "status-quo"), recordSteps: true));
        var after = Runs.RunOne(Runs.Spec(Runs.Parse(yaml), new(Variant: "liaison"), recordSteps: true));

        var waitsAfter = after.Steps.Where(s => s.Step == 0).Select(s => s.Start - s.Ready).ToList();
        waitsAfter.Should().NotBeEmpty().And.OnlyContain(w => w <= 10 + Exact);
        after.Projects.Count.Should().BeGreaterThan(10 * Math.Max(1, before.Projects.Count),
            "without priority almost no municipal request is ever served");
    }

    [Fact]
    public void Liaison_ShortensTheResponse_ByAHandoffRule()
    {
        var yaml = Operator(", response: 1d");
        var p = Runs.Spec(Runs.Parse(yaml), new(Variant: "liaison")).Compile();

        p.HandoffLatency(2, 1).Should().Be(1, "municipal -> operator");
        p.HandoffLatency(1, 2).Should().Be(1, "operator -> municipal");
        p.HandoffLatency(0, 2).Should().Be(2, "district <-> municipal keeps the default");
    }

    internal static string Consultation(string extra) => Scenario(
        """
              - { id: youth, staff: 1, roles: [youth] }
              - { id: social, staff: 1, roles: [social] }
        """,
        "      - { id: admin, staff: 1, roles: [plan] }",
        """
              - { id: prepare, role: plan, effort: 3wd }
              - { id: ask, kind: consultation, role: plan, consult: [youth, social], effort: 5wd, deadline: 60d, after: [prepare] }
              - { id: decide, role: plan, effort: 1wd, after: [ask] }
        """,
        "plan: self, youth: district, social: district", extra);

    [Fact]
    public void WorkingGroup_SettlesAConsultationAtItsNextMeeting()
    {
        // Without the group: ready day 3, asked 2 days away, 5 days of work, 2 back: day 12, decided day 13.
        // With a group of the town and the district meeting every 7 days: settled on day 7, decided day 8.
        var without = Only(Run(Consultation("")));
        var with = Only(Run(Consultation("working_groups: [{ id: sozialraum, members: [town, lk], every: 7d }]")));

        without.Finish.Should().BeApproximately(13, Exact);
        with.Finish.Should().BeApproximately(8, Exact);
        with.Path.Council.Should().BeApproximately(4, Exact, "waiting for the meeting");
        with.Path.Handoff.Should().Be(0, "nobody sends files around");
    }

    [Fact]
    public void WorkingGroup_AMatterReadyOnAMeetingDay_GoesToTheNextMeeting()
    {
        // Ready on day 3, and the group meets on day 3 (first: 3d, every 7 days): too late for that
        // agenda, so settled on day 10 and decided on day 11.
        var p = Only(Run(Consultation("working_groups: [{ id: sozialraum, members: [town, lk], every: 7d, first: 3d }]")));

        p.Finish.Should().BeApproximately(11, Exact);
        p.Path.Council.Should().BeApproximately(7, Exact);
    }

    [Fact]
    public void Support_DoesAShareOfTheStepInParallel_ElsewhereAndLater()
    {
        // 10 d of work with half as support: the town does 5 d (day 5); the district does 5 d,
        // 2 days away and 2 back: day 9, which ends the step.
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [help] }",
            "      - { id: admin, staff: 1, roles: [plan] }",
            """
                  - { id: plan, role: plan, effort: 10wd, support: { role: help, share: 0.5 } }
                  - { id: done, role: plan, effort: 0wd, after: [plan] }
            """,
            "plan: self, help: district");

        var p = Only(Run(yaml));

        p.Finish.Should().BeApproximately(9, Exact);
        p.Path.Handoff.Should().BeApproximately(4, Exact, "the supporter's share is the critical one");
    }

    [Fact]
    public void CriticalPath_IsTheLongestStep_AndItsAgencyGetsTheShare()
    {
        // plan 3 d at the town, permit 10 d at the district (ready to done 10 d, the longest).
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit] }",
            "      - { id: admin, staff: 1, roles: [plan] }",
            """
                  - { id: plan, role: plan, effort: 3wd }
                  - { id: permit, role: permit, effort: 10wd, after: [plan] }
            """,
            "plan: self, permit: district");
        var spec = Runs.Spec(Runs.Parse(yaml));
        var result = Runs.RunOne(spec);
        var figures = ReplicationFigures.Compute(spec.Compile(), result);

        Only(result).Dominant.Should().Be(new IsdnSim.Kernel.Agents.DominantStep(1, 1, 0, 10));
        figures.DeterminingShare.Should().Equal([0, 1, 0], "funding, building, admin: the district building authority decided it");
    }

    [Fact]
    public void TerritorialCongruence_CountsDecisionsTakenForTheSameTerritory()
    {
        // Two decisions that leave a choice per project: the town's council (congruent) and the district's plan approval (not).
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit] }",
            """
                  - { id: admin, staff: 1, roles: [plan] }
                  - { id: council, roles: [decide], sessions: { every: 14d } }
            """,
            """
                  - { id: plan, role: plan, effort: 3wd }
                  - { id: decide, kind: council, role: decide, after: [plan] }
                  - { id: permit, kind: approval, role: permit, effort: 5wd, after: [decide], discretion: discretionary }
            """,
            "plan: self, decide: self, permit: district",
            """
            variants:
              - { id: local, operations: [{ op: delegate, role: permit, min_population: 1000 }] }
            """);
        var spec = Runs.Spec(Runs.Parse(yaml));

        ReplicationFigures.Compute(spec.Compile(), Runs.RunOne(spec)).Congruence.Should().Be(0.5);
        var local = Runs.Spec(Runs.Parse(yaml), new(Variant: "local"));
        ReplicationFigures.Compute(local.Compile(), Runs.RunOne(local)).Congruence.Should().Be(1.0, "the town now approves its own project");
    }
}
