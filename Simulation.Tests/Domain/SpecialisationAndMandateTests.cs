using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

using static StepKindTests;

/// <summary>
/// Specialisation, process priority, a shock group's own process and joint mandates (Konvoi), each
/// on a scenario small enough to work out by hand: continuous calendar, constant efforts, hand-offs
/// of 2 days, projects started by shocks at day 0.
/// </summary>
public sealed class SpecialisationAndMandateTests
{
    private const double Exact = 1e-9;

    /// <summary>The town plans 3 days; the district's monument office of <paramref name="staff"/> posts reviews 4 days, needing 2 posts to be specialised.</summary>
    private static string MonumentScenario(int staff, string specialist, string rework = "{ probability: 0, local_probability: 0, returns_to: plan, effort: 2wd, max_rounds: 1 }") => Scenario(
        $"      - {{ id: monument, staff: {staff}, roles: [permit] }}",
        "      - { id: admin, staff: 1, roles: [plan] }",
        $$"""
              - { id: plan, role: plan, effort: 3wd }
              - { id: permit, kind: approval, role: permit, after: [plan], effort: 4wd, rework: {{rework}}, specialist: {{specialist}} }
        """,
        "plan: self, permit: district");

    [Fact]
    public void Specialist_OfficeWithEnoughPosts_WorksAsWithoutTheKey()
    {
        // Two posts, two needed: plan 3, hand-off 2, review 4: day 9, never returned (probability 0).
        var p = Only(Run(MonumentScenario(2, "{ min_staff: 2, effort_factor: 1.5, extra_returns: 1 }")));

        p.Finish.Should().BeApproximately(9, Exact);
        p.Reworks.Should().Be(0);
    }

    [Fact]
    public void Specialist_OfficeWithTooFewPosts_TakesLonger()
    {
        // One post, two needed: the review takes 4 x 1.5 = 6 days: 3 + 2 + 6 = day 11.
        var p = Only(Run(MonumentScenario(1, "{ min_staff: 2, effort_factor: 1.5 }")));

        p.Finish.Should().BeApproximately(11, Exact);
        p.Path.Service.Should().BeApproximately(9, Exact);
        p.Reworks.Should().Be(0);
    }

    [Fact]
    public void Specialist_OfficeWithTooFewPosts_ReturnsMoreFiles()
    {
        // One post: return probability 0 + 1 = 1, so the first review (day 5 to 11) returns the
        // file: hand-off 2, rework 2 at the town, hand-off 2: day 17; the second review (one round
        // allowed) approves after 6 more days: day 23. With two posts the same draw approves.
        var specialist = "{ min_staff: 2, effort_factor: 1.5, extra_returns: 1 }";

        var small = Only(Run(MonumentScenario(1, specialist)));
        var large = Only(Run(MonumentScenario(2, specialist)));

        small.Finish.Should().BeApproximately(23, Exact);
        small.Reworks.Should().Be(1);
        small.Path.Rework.Should().BeApproximately(6, Exact);
        large.Finish.Should().BeApproximately(9, Exact);
    }

    [Fact]
    public void Specialist_ScalesOnlyTheHoldersOwnShare_NotTheSupportersShare()
    {
        // The town holds the permit (one post) with the district (two posts) supporting a quarter:
        // 4 days split into 3 own x 1.5 = 4.5 and 1 for the district. Plan 3 at the town; own share
        // day 3 to 7.5; the request goes at day 3 (hand-off 2), the district works day 5 to 6 and
        // replies by day 8 (hand-off 2): the step ends at day 8, the later of the two.
        var yaml = Scenario(
            "      - { id: monument, staff: 2, roles: [permit-support] }",
            """
                  - { id: admin, staff: 1, roles: [plan] }
                  - { id: monument, staff: 1, roles: [permit] }
            """,
            """
                  - { id: plan, role: plan, effort: 3wd }
                  - { id: permit, role: permit, after: [plan], effort: 4wd, support: { role: permit-support, share: 0.25 }, specialist: { min_staff: 2, effort_factor: 1.5 } }
            """,
            "plan: self, permit: self, permit-support: district");

        var result = Run(yaml);

        Only(result).Finish.Should().BeApproximately(8, Exact);
        result.Steps.Single(s => s.Step == 1).Effort.Should().BeApproximately(4.5, Exact, "the holder's own share, scaled");
    }

    [Fact]
    public void Specialist_ThatNeverLacks_LeavesTheRuralDistrictAsItWas()
    {
        // min_staff 1: every office has a post, so nothing may change, in any variant (the
        // delegated building control with its support share included): same projects, same times.
        // A requirement no office meets (min_staff 1,000) must change them: the check can fail.
        var scenario = Runs.Load("rural-district.yaml");
        foreach (var variant in new[] { "status-quo", "democratisation" })
        {
            var overrides = new ScenarioOverrides(Variant: variant, Replications: 1, HorizonDays: 2 * 365);
            var spec = Runs.Spec(scenario, overrides);
            ReplicationResult RunWith(SpecialistDefinition? specialist) =>
                InProcessEngine.Run(spec, SimulationModel.Compile(overrides.Apply(Strip(scenario.Definition, specialist))), 0);

            var without = RunWith(null);

            RunWith(new SpecialistDefinition(1, 1.5, 0.3)).Projects.Should().Equal(without.Projects, $"a specialist requirement every office meets changes nothing ({variant})");
            RunWith(new SpecialistDefinition(1000, 1.5, 0.3)).Projects.Should().NotEqual(without.Projects, $"one no office meets changes the times ({variant})");
        }

        static ScenarioDefinition Strip(ScenarioDefinition s, SpecialistDefinition? specialist) => s with
        {
            Processes = [.. s.Processes.Select(p => p with
            {
                Steps = [.. p.Steps.Select(x => x.Kind is StepKind.Work or StepKind.Approval ? x with { Specialist = specialist } : x)],
            })],
        };
    }

    /// <summary>Three shocks start one project each at day 0 at the town's one-post office: a long one first, then q, then p.</summary>
    private static string PriorityScenario(string queue) => $$"""
        name: priority
        start: 2025-01-01
        horizon: 100d
        calendar: { kind: continuous }
        agents:
          - { id: town, kind: municipality, population: 2000, agencies: [{ id: office, staff: 1, {{queue}}roles: [plan] }] }
        processes:
          - { id: long, steps: [{ id: work, role: plan, effort: 10wd }] }
          - { id: q, steps: [{ id: work, role: plan, effort: 5wd }] }
          - { id: p, priority: 1, steps: [{ id: work, role: plan, effort: 5wd }] }
        jurisdiction: { plan: self }
        demand: []
        shocks:
          - { id: a, date: 2025-01-01, process: long, groups: [{ name: all, deadline: 2025-12-31 }] }
          - { id: b, date: 2025-01-01, process: q, groups: [{ name: all, deadline: 2025-12-31 }] }
          - { id: c, date: 2025-01-01, process: p, groups: [{ name: all, deadline: 2025-12-31 }] }
        """;

    [Fact]
    public void ProcessPriority_AtAPriorityQueue_ServesTheProcessFirst()
    {
        // 'long' takes the post from day 0 to 10; q and p wait. With the queue by priority, p
        // (priority 1) goes before q (the agency's project priority 2): p 10-15, q 15-20.
        var result = Run(PriorityScenario("queue: priority, "));

        Finish(result, P).Should().BeApproximately(15, Exact);
        Finish(result, Q).Should().BeApproximately(20, Exact);
    }

    [Fact]
    public void ProcessPriority_AtAFifoQueue_ChangesNothing()
    {
        // First come, first served: q was queued before p: q 10-15, p 15-20.
        var result = Run(PriorityScenario(""));

        Finish(result, Q).Should().BeApproximately(15, Exact);
        Finish(result, P).Should().BeApproximately(20, Exact);
    }

    // Processes in file order: long 0, q 1, p 2.
    private const int Q = 1;
    private const int P = 2;

    private static double Finish(ReplicationResult result, int process) => result.Projects.Single(p => p.Id.Process == process).Finish;

    /// <summary>
    /// An Amt (one post) serving three municipalities of 1,000, 3,000 and 2,000 inhabitants; the big
    /// one must finish by day 5, the others by day 31. Hand-offs take the lookahead, 1 day.
    /// </summary>
    private const string Konvoi = """
        name: konvoi
        start: 2025-01-01
        horizon: 100d
        calendar: { kind: continuous }
        agents:
          - { id: lk, kind: district, agencies: [{ id: office, staff: 1, roles: [x] }] }
          - { id: amt-x, kind: amt, parent: lk, agencies: [{ id: office, staff: 1, roles: [plan] }] }
          - { id: c, kind: municipality, parent: amt-x, population: 1000, agencies: [{ id: council, roles: [decide], sessions: { every: 7d } }] }
          - { id: a, kind: municipality, parent: amt-x, population: 3000, agencies: [{ id: council, roles: [decide], sessions: { every: 7d } }] }
          - { id: b, kind: municipality, parent: amt-x, population: 2000, agencies: [{ id: council, roles: [decide], sessions: { every: 7d } }] }
        processes:
          - { id: plan, steps: [{ id: work, role: plan, effort: 10wd }] }
          - { id: simple, steps: [{ id: work, role: plan, effort: 4wd }] }
          - { id: joint, steps: [{ id: work, role: plan, effort: 12wd }] }
        jurisdiction: { plan: administration, decide: self, x: district }
        demand: []
        shocks:
          - id: law
            date: 2025-01-01
            process: plan
            groups:
              - { name: big, min_population: 2500, deadline: 2025-01-05 }
              - { name: small, max_population: 2499, deadline: 2025-01-31, process: simple }
        variants:
          - { id: konvoi, operations: [{ op: joint_mandate, shock: law, by: amt, process: joint }] }
          - { id: without, operations: [{ op: repeal, shock: law }] }
        """;

    [Fact]
    public void ShockGroup_WithAProcess_StartsThatProcess()
    {
        // Each municipality starts its project at day 0 and hands it to the Amt (1 day); they
        // arrive in the order of their senders (c, a, b) and share its one post: c runs the small
        // group's process (4 days) 1-5, a the shock's (10 days) 5-15, b the small one 15-19. a is
        // due by the end of day 5 (deadline 5): late; c and b by day 31: on time.
        var spec = Runs.Spec(Runs.Parse(Konvoi), recordSteps: true);
        var result = Runs.RunOne(spec);

        result.Projects.Select(p => (p.Id.Owner, p.Id.Process, p.Finish)).Order().Should().Equal((2, 1, 5.0), (3, 0, 15.0), (4, 1, 19.0));
        Compliance(spec, result).Should().Equal(("big", 1L, 0L, 1L), ("small", 2L, 2L, 0L));
    }

    [Fact]
    public void JointMandate_OneProjectOfTheLargest_MeetsEveryMembersObligation()
    {
        // One joint project led by a (3,000 inhabitants): to the Amt in 1 day, 12 days of work:
        // day 13. It is the plan of all three: a is late (due day 5), b and c are on time (due day
        // 31). Three plans arrived and finished, so flow figures count three projects of 13 days.
        var spec = Runs.Spec(Runs.Parse(Konvoi), new ScenarioOverrides(Variant: "konvoi"), recordSteps: true);
        var result = Runs.RunOne(spec);

        result.Steps.Should().ContainSingle("one project does the work for all members");
        result.Projects.Select(p => (p.Id.Owner, p.Id.Process, p.Finish)).Order().Should().Equal((2, 2, 13.0), (3, 2, 13.0), (4, 2, 13.0));
        Compliance(spec, result).Should().Equal(("big", 1L, 0L, 1L), ("small", 2L, 2L, 0L));
        var flow = ReplicationFigures.Compute(spec.Compile(), result).Overall;
        flow.Arrived.Should().Be(3);
        flow.WipMean.Should().BeApproximately(3 * 13 / 100.0, Exact, "three plans in progress for 13 of 100 days (Little's law)");
    }

    [Fact]
    public void Repeal_ObligesNobody_ButKeepsTheGroups()
    {
        var spec = Runs.Spec(Runs.Parse(Konvoi), new ScenarioOverrides(Variant: "without"));
        var result = Runs.RunOne(spec);

        result.Projects.Should().BeEmpty();
        Compliance(spec, result).Should().Equal(("big", 0L, 0L, 0L), ("small", 0L, 0L, 0L));
    }

    [Fact]
    public void JointMandate_GroupsTheMunicipalitiesOfEachAmt_LargestFirst()
    {
        var s = Runs.Parse(Konvoi).Definition;

        var applied = VariantApplier.Apply(s, "konvoi");

        applied.Shocks[0].Joint.Should().ContainSingle().Which.Members.Should().Equal("a", "b", "c");
        applied.Shocks[0].Joint[0].Process.Should().Be("joint");
        VariantApplier.Apply(s, "without").Shocks[0].Repealed.Should().BeTrue();
    }

    [Theory]
    [InlineData("{ op: joint_mandate, shock: lax, by: amt }", "'lax' is not a shock; did you mean 'law'?")]
    [InlineData("{ op: joint_mandate, shock: law, by: amt, process: nope }", "'nope' is not a process")]
    [InlineData("{ op: joint_mandate, shock: law, by: amt, max_population: 1500 }", "no amt has two or more municipalities of up to 1,500 inhabitants")]
    [InlineData("{ op: joint_mandate, shock: law, by: state }", "'by' must be amt or district")]
    [InlineData("{ op: repeal, shock: lax }", "'lax' is not a shock")]
    public void BadOperations_AreReportedAtTheOperation(string operation, string message)
    {
        var yaml = Konvoi.Replace("{ op: joint_mandate, shock: law, by: amt, process: joint }", operation);

        var act = () => Runs.Parse(yaml);

        act.Should().Throw<IsdnSim.Scenario.Diagnostics.ScenarioException>().Which.Message.Should().Contain(message);
    }

    private static IEnumerable<(string Group, long Mandated, long OnTime, long Late)> Compliance(RunSpec spec, ReplicationResult result) =>
        ReplicationFigures.Compute(spec.Compile(), result).Deadlines.Select(d => (d.Group, d.Mandated, d.OnTime, d.Late));
}
