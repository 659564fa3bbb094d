using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Presentation.Output;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// Each step kind on a scenario small enough to work out by hand. A shock starts one project
/// at day 0 (2025-01-01), efforts are constant, the calendar is continuous and hand-offs take
/// 2 days, so every time below follows from the rules of the step kind alone.
/// </summary>
public sealed class StepKindTests
{
    private const double Exact = 1e-9;

    /// <summary>A district (lk) with a town below it; the rest of the scenario comes from the test.</summary>
    internal static string Scenario(string agencies, string townAgencies, string steps, string jurisdiction, string extra = "", string horizon = "400d") => $$"""
        name: step kinds
        seed: 1
        start: 2025-01-01
        horizon: {{horizon}}
        calendar: { kind: continuous }
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 1, roles: [fund] }] }
          - id: lk
            kind: district
            parent: land
            agencies:
        {{agencies}}
          - id: town
            kind: municipality
            parent: lk
            population: 2000
            agencies:
        {{townAgencies}}
        processes:
          - id: p
            steps:
        {{steps}}
        jurisdiction: { {{jurisdiction}} }
        demand: []
        shocks:
          - { id: law, date: 2025-01-01, process: p, groups: [{ name: all, deadline: 2025-12-31 }] }
        {{extra}}
        """;

    internal static ReplicationResult Run(string yaml, string? variant = null) =>
        Runs.RunOne(Runs.Spec(Runs.Parse(yaml), new ScenarioOverrides(Variant: variant), recordSteps: true));

    internal static ProjectRecord Only(ReplicationResult result)
    {
        result.Projects.Should().ContainSingle("the shock starts exactly one project");
        return result.Projects.First();
    }

    /// <summary>The town prepares a matter for <paramref name="prepare"/> working days; then its council, meeting as given, decides it.</summary>
    internal static string CouncilScenario(string sessions, int prepare) => Scenario(
        "      - { id: office, staff: 1, roles: [x] }",
        $$"""
              - { id: admin, staff: 1, roles: [plan] }
              - { id: council, roles: [decide], sessions: { {{sessions}} } }
        """,
        $$"""
              - { id: prepare, role: plan, effort: {{prepare}}wd }
              - { id: decide, kind: council, role: decide, after: [prepare] }
        """,
        "plan: self, decide: self, x: district");

    /// <summary>
    /// An approval of 4 days under role 'permit' that returns the file to 'plan' (2 days of rework)
    /// at every review, unless the approver knows the place.
    /// </summary>
    private static string AlwaysReturned(string id, string after, int maxRounds = 3) => $$"""
              - id: {{id}}
                kind: approval
                role: permit
                after: [{{after}}]
                effort: 4wd
                rework: { probability: 1, local_probability: 0, returns_to: plan, effort: 2wd, max_rounds: {{maxRounds}} }

        """;

    [Fact]
    public void Council_DecidesAtTheNextSession()
    {
        // Ready on day 3, sessions every 28 days from day 0: decided on day 28 (the example).
        var yaml = CouncilScenario("every: 28d", 3);

        var p = Only(Run(yaml));

        p.Finish.Should().Be(28);
        p.Path.Council.Should().BeApproximately(25, Exact);
        p.Path.Service.Should().BeApproximately(3, Exact);
    }

    [Fact]
    public void Council_SubmissionPeriod_PushesToTheFollowingSession()
    {
        // Ready on day 25, but items must be on the agenda 7 days before: the day-28 session is
        // too soon, so the decision comes on day 56.
        var yaml = CouncilScenario("every: 28d, submission: 7d", 25);

        Only(Run(yaml)).Finish.Should().Be(56);
    }

    [Fact]
    public void Council_AgendaCapacity_PostponesTheRest()
    {
        // Three decisions ready on day 3 (one per segment-free parallel branch would need three
        // projects; instead three councils' worth of items): two per session, so one waits a session.
        var yaml = Scenario(
            "      - { id: office, staff: 1, roles: [x] }",
            """
                  - { id: admin, staff: 3, roles: [plan] }
                  - { id: council, roles: [decide], sessions: { every: 28d, agenda: 2 } }
            """,
            """
                  - { id: a, role: plan, effort: 3wd }
                  - { id: da, kind: council, role: decide, after: [a] }
                  - { id: b, role: plan, effort: 3wd }
                  - { id: db, kind: council, role: decide, after: [b] }
                  - { id: c, role: plan, effort: 3wd }
                  - { id: dc, kind: council, role: decide, after: [c] }
                  - { id: done, role: plan, effort: 0wd, after: [da, db, dc] }
            """,
            "plan: self, decide: self, x: district");

        var result = Run(yaml);
        var decisions = result.Steps.Where(s => s.Step is 1 or 3 or 5).Select(s => s.End).Order().ToList();

        decisions.Should().Equal(28, 28, 56);
        Only(result).Finish.Should().Be(56);
    }

    [Fact]
    public void Consultation_EndsWithTheLastAnswer()
    {
        // Asked on day 0 at two agencies 2 days away, each 5 days of work: answers back on day 9.
        var yaml = Scenario(
            """
                  - { id: nature, staff: 1, roles: [nature] }
                  - { id: roads, staff: 1, roles: [roads] }
            """,
            "      - { id: admin, staff: 1, roles: [plan] }",
            """
                  - { id: ask, kind: consultation, role: plan, consult: [nature, roads], effort: 5wd, deadline: 30d }
                  - { id: decide, role: plan, effort: 1wd, after: [ask] }
            """,
            "plan: self, nature: district, roads: district");

        var p = Only(Run(yaml));

        p.Finish.Should().BeApproximately(10, Exact);
        p.Path.Handoff.Should().BeApproximately(4, Exact);
        p.Dominant.Step.Should().Be(0, "the consultation (9 days) is the longest step");
    }

    [Fact]
    public void Consultation_DeadlinePassed_CountsAsApproval()
    {
        // The same answers would come on day 9; the legal deadline of 8 days ends it first.
        var yaml = Scenario(
            """
                  - { id: nature, staff: 1, roles: [nature] }
                  - { id: roads, staff: 1, roles: [roads] }
            """,
            "      - { id: admin, staff: 1, roles: [plan] }",
            """
                  - { id: ask, kind: consultation, role: plan, consult: [nature, roads], effort: 5wd, deadline: 8d }
                  - { id: decide, role: plan, effort: 1wd, after: [ask] }
            """,
            "plan: self, nature: district, roads: district");

        var result = Run(yaml);
        var p = Only(result);

        p.Finish.Should().BeApproximately(9, Exact);
        p.Path.Wait.Should().BeApproximately(8, Exact, "waiting for answers that did not come in time");
        result.Tallies.LapsedConsultations.Should().Be(1);
        result.Tallies.Consultations.Should().Be(1);
    }

    [Fact]
    public void Approval_ReturnsTheFile_AndTheReworkIsCounted()
    {
        // plan 3 d at the town, hand-off 2, review 4 at the district: day 9. Always returned once
        // (probability 1, one round): hand-off 2, rework 2 at the town, hand-off 2: day 15; review 4: day 19.
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit] }",
            "      - { id: admin, staff: 1, roles: [plan] }",
            "      - { id: plan, role: plan, effort: 3wd }\n" + AlwaysReturned("permit", "plan", maxRounds: 1),
            "plan: self, permit: district");

        var result = Run(yaml);
        var p = Only(result);

        p.Finish.Should().BeApproximately(19, Exact);
        p.Path.Rework.Should().BeApproximately(6, Exact);
        p.Reworks.Should().Be(1);
        var rework = ReplicationFigures.Compute(Runs.Parse(yaml).Let(l => Runs.Spec(l).Compile()), result).Reworks;
        rework.Sum().Should().Be(1);
    }

    [Fact]
    public void Approval_EachApprovalReturnsTheFileInRoundsOfItsOwn()
    {
        // Two approvals at the district, each returning the file once (one round each): the
        // second's rounds do not start where the first's ended. plan 3, hand-off 2, first review 4
        // (day 9), returned and back as above (day 19); second review 4 (day 23), returned: hand-off
        // 2, rework 2, hand-off 2 (day 29), review 4: day 33.
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit] }",
            "      - { id: admin, staff: 1, roles: [plan] }",
            "      - { id: plan, role: plan, effort: 3wd }\n" + AlwaysReturned("permit", "plan", maxRounds: 1) + AlwaysReturned("water", "permit", maxRounds: 1),
            "plan: self, permit: district");

        var p = Only(Run(yaml));

        p.Reworks.Should().Be(2);
        p.Finish.Should().BeApproximately(33, Exact);
        p.Path.Rework.Should().BeApproximately(12, Exact);
    }

    [Fact]
    public void Council_YearlyUtilisation_IsDecisionsOverAgendaPlaces()
    {
        // Sessions every 28 days from day 0 with 2 places each: 14 sessions in 2025 (days 0 to 364),
        // one in the 35 days of 2026 within the horizon. One decision, on day 28.
        var yaml = CouncilScenario("every: 28d, agenda: 2", 3);

        var council = Run(yaml).Agencies.Single(a => a.IsCouncil);

        council.YearUtilisation.Should().Equal(1.0 / 28, 0.0);
        council.Utilisation.Should().BeApproximately(1.0 / 30, Exact, "one of the 30 places of the horizon");
    }

    [Fact]
    public void Support_TheStepRecordShowsTheOwnShare()
    {
        // The town permits itself, the district does a quarter of the work as a service: own share
        // 3 days (days 3 to 6), the district's 1 day between two hand-offs (back on day 8).
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit-support] }",
            "      - { id: admin, staff: 1, roles: [plan, permit] }",
            """
                  - { id: plan, role: plan, effort: 3wd }
                  - { id: permit, role: permit, after: [plan], effort: 4wd, support: { role: permit-support, share: 0.25 } }
            """,
            "plan: self, permit: self, permit-support: district");

        var result = Run(yaml);
        var permit = result.Steps.Single(s => s.Step == 1);

        Only(result).Finish.Should().BeApproximately(8, Exact);
        permit.Should().BeEquivalentTo(new { Ready = 3.0, Start = 3.0, End = 8.0, Effort = 3.0 });
    }

    [Fact]
    public void IntakeWindow_DoesNotHoldAnswersToAConsultation()
    {
        // The state accepts applications from 1 March only, but it answers a consultation at once:
        // asked on day 0, there on day 2, 5 days of work, back on day 9, decided by day 10.
        var yaml = Scenario(
            "      - { id: office, staff: 1, roles: [x] }",
            "      - { id: admin, staff: 1, roles: [plan] }",
            """
                  - { id: ask, kind: consultation, role: plan, consult: [fund], effort: 5wd, deadline: 100d }
                  - { id: decide, role: plan, effort: 1wd, after: [ask] }
            """,
            "plan: self, fund: state, x: district").Replace(
            "agencies: [{ id: funding, staff: 1, roles: [fund] }]",
            "agencies: [{ id: funding, staff: 1, roles: [fund], intake: { opens: 03-01, closes: 05-31 } }]");

        var p = Only(Run(yaml));

        p.Finish.Should().BeApproximately(10, Exact);
        p.Path.Window.Should().Be(0);
    }

    [Fact]
    public void OneLevel_TheCityStartsItsQuartersProjects_AndDecidesForThem()
    {
        // Before: plan at the town (3), hand-off (2), permit at the district (4): day 9, one
        // hand-off, a decision not taken by the town. After unify: the city does both, no hand-off
        // at all (not even from the quarter to the city at the start), day 7, and the decision is
        // the city's, whose council the quarter elects.
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit] }",
            """
                  - { id: admin, staff: 1, roles: [plan] }
                  - { id: council, roles: [decide], sessions: { every: 28d } }
            """,
            """
                  - { id: plan, role: plan, effort: 3wd }
                  - { id: permit, kind: approval, role: permit, after: [plan], effort: 4wd }
            """,
            "plan: self, decide: self, permit: district",
            extra: "variants: [{ id: city, operations: [{ op: unify, district: lk, into: stadt, name: Stadt }] }]");

        var before = Run(yaml);
        var after = Run(yaml, "city");

        Only(before).Should().BeEquivalentTo(new { Finish = 9.0, Handoffs = 1 });
        (before.Tallies.Decisions.Total, before.Tallies.Decisions.TotalCongruent).Should().Be((1L, 0L));
        Only(after).Should().BeEquivalentTo(new { Finish = 7.0, Handoffs = 0 });
        (after.Tallies.Decisions.Total, after.Tallies.Decisions.TotalCongruent).Should().Be((1L, 1L));
        after.Tallies.Handoffs.Sum().Should().Be(0);
    }

    [Fact]
    public void Approval_ByAnAgencyThatKnowsThePlace_UsesTheLocalProbability()
    {
        // The town approves itself: local probability 0, so the file is never returned.
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [x] }",
            "      - { id: admin, staff: 1, roles: [plan, permit] }",
            "      - { id: plan, role: plan, effort: 3wd }\n" + AlwaysReturned("permit", "plan"),
            "plan: self, permit: self, x: district");

        var p = Only(Run(yaml));

        p.Reworks.Should().Be(0);
        p.Finish.Should().BeApproximately(7, Exact);
    }

    [Fact]
    public void HandoffLatency_DependsOnThePairOfLevels()
    {
        // A rule makes municipal <-> district hand-offs take 5 days instead of the default 2.
        var yaml = Scenario(
            "      - { id: building, staff: 1, roles: [permit] }",
            "      - { id: admin, staff: 1, roles: [plan] }",
            """
                  - { id: plan, role: plan, effort: 3wd }
                  - { id: permit, role: permit, effort: 4wd, after: [plan] }
            """,
            "plan: self, permit: district").Replace("handoff: 2d", "handoff: { default: 2d, rules: [{ between: [municipal, district], latency: 5d }] }");

        var p = Only(Run(yaml));

        p.Finish.Should().BeApproximately(12, Exact);
        p.Path.Handoff.Should().BeApproximately(5, Exact);
    }

    /// <summary>The town applies to the state's funding (10 days of work), which accepts applications from 1 March to 31 May; then it builds (1 day).</summary>
    internal static string IntakeScenario() => Scenario(
        "      - { id: office, staff: 1, roles: [x] }",
        "      - { id: admin, staff: 1, roles: [plan] }",
        """
              - { id: apply, role: fund, effort: 10wd }
              - { id: build, role: plan, effort: 1wd, after: [apply] }
        """,
        "plan: self, fund: state, x: district").Replace(
        "agencies: [{ id: funding, staff: 1, roles: [fund] }]",
        "agencies: [{ id: funding, staff: 1, roles: [fund], intake: { opens: 03-01, closes: 05-31 } }]");

    [Fact]
    public void IntakeWindow_HoldsApplicationsUntilItOpens()
    {
        // Sent on 2025-01-01 (day 0), at the state on day 2; applications are accepted from 1 March (day 59).
        var yaml = IntakeScenario();

        var p = Only(Run(yaml));

        p.Path.Window.Should().BeApproximately(57, Exact);
        p.Finish.Should().BeApproximately(59 + 10 + 2 + 1, Exact, "waits to day 59, works 10, hands back 2, builds 1");
    }

    [Fact]
    public void Segments_SplitALinearMeasure_AndMergeItAtTheOwner()
    {
        // A cycle path crossing 3 of the district's 4 municipalities: each designs its segment
        // (owner 4 d; others 2 d away, 4 d of work, 2 d back), then the owner merges (1 d).
        var yaml = """
            name: segments
            seed: 8
            start: 2025-01-01
            horizon: 400d
            calendar: { kind: continuous }
            handoff: 2d
            agents:
              - { id: lk, kind: district, agencies: [{ id: office, staff: 1, roles: [x] }] }
              - { id: a, kind: municipality, parent: lk, population: 1500, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
              - { id: b, kind: municipality, parent: lk, population: 900, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
              - { id: c, kind: municipality, parent: lk, population: 900, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
              - { id: d, kind: municipality, parent: lk, population: 900, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
            processes:
              - id: path
                segments: 3
                steps:
                  - { id: route, role: plan, effort: 1wd }
                  - { id: segment, role: plan, effort: 4wd, per_segment: true, after: [route] }
                  - { id: merge, role: plan, effort: 1wd, after: [segment] }
            jurisdiction: { plan: self, x: district }
            demand: []
            shocks:
              - { id: programme, date: 2025-01-01, process: path, groups: [{ name: lead, min_population: 1000, deadline: 2026-01-01 }] }
            """;

        // Only 'a' (the one town over 1,000 inhabitants) is obliged, so the other towns' staff are free.
        var result = Run(yaml);
        var fromA = Only(result);
        var segments = result.Steps.Where(s => s.Project == fromA.Id && s.Step == 1).ToList();

        segments.Should().HaveCount(3);
        segments.Select(s => s.Agent).Distinct().Should().HaveCount(3).And.Contain(1, "the owner designs the first segment");
        segments.Single(s => s.Agent == 1).End.Should().BeApproximately(5, Exact);
        segments.Where(s => s.Agent != 1).Should().AllSatisfy(s => s.End.Should().BeApproximately(7, Exact));
        fromA.Finish.Should().BeApproximately(10, Exact, "the last segment is back at day 9, merged in 1");
    }

    [Theory]
    [InlineData("30.5wd", true)]
    [InlineData("31wd", true)]
    [InlineData("31.5wd", false)]
    public void Shock_FinishedOnTheDeadlineDay_IsOnTime(string effort, bool onTime)
    {
        // Due 2025-01-31: the deadline day is day 30 and ends at midnight, day 31.
        var yaml = $$"""
            name: deadline day
            seed: 3
            start: 2025-01-01
            horizon: 100d
            calendar: { kind: continuous }
            agents:
              - { id: lk, kind: district, agencies: [{ id: office, staff: 1, roles: [x] }] }
              - { id: town, kind: municipality, parent: lk, population: 2000, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
            processes:
              - id: heat-plan
                steps: [{ id: plan, role: plan, effort: {{effort}} }]
            jurisdiction: { plan: self, x: district }
            demand: []
            shocks:
              - { id: law, date: 2025-01-01, process: heat-plan, groups: [{ name: all, deadline: 2025-01-31 }] }
            """;
        var spec = Runs.Spec(Runs.Parse(yaml));
        var model = spec.Compile();
        var result = Runs.RunOne(spec);

        var deadline = ReplicationFigures.Compute(model, result).Deadlines.Single();

        (deadline.OnTime, deadline.Late).Should().Be(onTime ? (1L, 0L) : (0L, 1L));
        using var dir = new TempDirectory();
        ResultWriter.WriteProjects(dir.File("projects.csv"), model, [result]);
        var project = ResultWriter.Projects.Read(dir.File("projects.csv")).Single();
        (project["shock"], project["deadline_date"], project["on_time"]).Should().Be(("law", "2025-01-31", onTime ? "true" : "false"));
    }

    [Fact]
    public void Shock_DeadlineCompliance_IsCounted()
    {
        // Two towns, one over 100,000 inhabitants due within 30 days, the other within a year;
        // the plan takes 40 days: the large town misses its deadline, the small one meets it.
        var yaml = """
            name: shock
            seed: 3
            start: 2025-01-01
            horizon: 400d
            calendar: { kind: continuous }
            agents:
              - { id: lk, kind: district, agencies: [{ id: office, staff: 1, roles: [x] }] }
              - { id: big, kind: city, parent: lk, population: 150000, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
              - { id: small, kind: municipality, parent: lk, population: 2000, agencies: [{ id: admin, staff: 1, roles: [plan] }] }
            processes:
              - id: heat-plan
                steps: [{ id: plan, role: plan, effort: 40wd }]
            jurisdiction: { plan: self, x: district }
            demand: []
            shocks:
              - id: law
                date: 2025-01-01
                process: heat-plan
                groups:
                  - { name: large, min_population: 100001, deadline: 2025-01-31 }
                  - { name: small, max_population: 100000, deadline: 2025-12-31 }
            """;
        var spec = Runs.Spec(Runs.Parse(yaml));
        var result = Runs.RunOne(spec);

        var deadlines = ReplicationFigures.Compute(spec.Compile(), result).Deadlines;

        deadlines.Select(d => (d.Group, d.Mandated, d.OnTime, d.Late)).Should().Equal(("large", 1L, 0L, 1L), ("small", 1L, 1L, 0L));
        result.Projects.Should().OnlyContain(p => p.Shock == 0);
    }
}

internal static class FunctionalExtensions
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> f) => f(value);
}
