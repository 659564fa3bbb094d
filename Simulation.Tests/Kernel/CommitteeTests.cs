using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

using static IsdnSim.Tests.Domain.StepKindTests;

/// <summary>
/// Committees (Ausschüsse) before a council decision, on the hand-computable scenario of
/// <see cref="Domain.StepKindTests"/>: one project from day 0, a continuous calendar, the town
/// prepares the matter in 3 working days, so it is ready for the agenda on day 3. Sessions are
/// aligned as a Brandenburg town's cycle is: a specialist committee two weeks before the council,
/// the main committee one week before it.
/// </summary>
public sealed class CommitteeTests
{
    private const double Exact = 1e-9;

    private const string Council = "{ id: council, roles: [decide], sessions: { every: 28d, first: 21d, submission: 7d, agenda: AGENDA } }";
    private const string Building = "{ id: building-committee, roles: [building-committee], sessions: { every: 28d, first: 7d, submission: 7d, agenda: AGENDA } }";
    private const string Main = "{ id: main-committee, roles: [main-committee], sessions: { every: 28d, first: 14d, submission: 7d } }";

    /// <summary>
    /// The town's agencies (each on its own line) and the committees the decision names. The
    /// district has a building committee of its own, which never prepares the town's decisions.
    /// </summary>
    private static string Town(string[] agencies, string committees, int parallel = 1, int agenda = 20)
    {
        var town = string.Join("\n", new[] { "{ id: admin, staff: 3, roles: [plan] }" }.Concat(agencies).Select(a => "      - " + a.Replace("AGENDA", $"{agenda}")));
        var steps = string.Join("\n", Enumerable.Range(0, parallel).Select(i => $$"""
                  - { id: prepare{{i}}, role: plan, effort: 3wd }
                  - { id: decide{{i}}, kind: council, role: decide, after: [prepare{{i}}]{{committees}} }
            """)) + $"\n      - {{ id: done, role: plan, effort: 0wd, after: [{string.Join(", ", Enumerable.Range(0, parallel).Select(i => $"decide{i}"))}] }}";
        const string District = """
                  - { id: office, staff: 1, roles: [x] }
                  - { id: building-committee, roles: [building-committee], sessions: { every: 7d } }
            """;
        return Scenario(District, town, steps, "plan: self, decide: self, x: district");
    }

    [Fact]
    public void Committee_ThenTheCouncilsNextSessionAfterIt()
    {
        // Ready on day 3. The committee meets on days 7, 35, 63, ... and takes items in 7 days
        // before: 3 + 7 = 10, so day 35. The council meets on days 21, 49, 77, ... and takes items
        // 7 days after they joined its agenda: 35 + 7 = 42, so day 49. Without the committee the
        // council would have decided on day 21 (3 + 7 = 10 <= 21).
        var result = Run(Town([Council, Building], ", committees: [building-committee]"));
        var p = Only(result);

        p.Finish.Should().Be(49);
        p.Path.Council.Should().BeApproximately(46, Exact, "from day 3 to day 49 the matter waits for sessions");
        p.Path.Service.Should().BeApproximately(3, Exact);
        result.Steps.Single(s => s.Step == 1).End.Should().Be(49, "the step is done when the council decides, not the committee");
        result.Tallies.Decisions.Total.Should().Be(1, "a committee recommends; only the council's resolution is a decision");
    }

    [Fact]
    public void WithoutTheCommittee_TheCouncilDecidesAtItsNextSession()
    {
        // The same town without the committee: ready on day 3, the council's session on day 21.
        Only(Run(Town([Council], ""))).Finish.Should().Be(21);
    }

    [Fact]
    public void TwoCommittees_PassInOrder_OnAnAlignedCycle()
    {
        // Building committee on day 35 (as above); the main committee meets on days 14, 42, ... and
        // takes items 7 days after they joined: 35 + 7 = 42, on the day itself, so day 42; the
        // council: 42 + 7 = 49, so day 49. An aligned cycle costs no extra month.
        var p = Only(Run(Town([Council, Building, Main], ", committees: [building-committee, main-committee]")));

        p.Finish.Should().Be(49);
    }

    [Fact]
    public void ACommitteeTheAgentDoesNotHave_IsPassedBy()
    {
        // The town has only the main committee (the district's building committee is not the
        // town's): ready on day 3, main committee 3 + 7 = 10, so day 14; council 14 + 7 = 21, so day 21.
        var p = Only(Run(Town([Council, Main], ", committees: [building-committee, main-committee]")));

        p.Finish.Should().Be(21);
    }

    [Fact]
    public void EachAgenda_KeepsItsCapacity()
    {
        // Three matters ready on day 3. The committee takes two a session: two on day 35, the
        // third on day 63. The council takes two a session too: the two on day 49; the third
        // joins its agenda on day 63, 63 + 7 = 70, so day 77.
        var result = Run(Town([Council, Building], ", committees: [building-committee]", parallel: 3, agenda: 2));
        var decisions = result.Steps.Where(s => s.Step is 1 or 3 or 5).Select(s => s.End).Order().ToList();

        decisions.Should().Equal(49, 49, 77);
        Only(result).Finish.Should().Be(77);
    }

    [Fact]
    public void TheCouncilsCapacity_HoldsBackWhatTheCommitteePassed()
    {
        // Both pass the committee on day 35 (agenda 20); the council takes one a session: day 49, then day 77.
        var yaml = Town([Council.Replace("AGENDA", "1"), Building], ", committees: [building-committee]", parallel: 2);
        var decisions = Run(yaml).Steps.Where(s => s.Step is 1 or 3).Select(s => s.End).Order().ToList();

        decisions.Should().Equal(49, 77);
    }

    [Fact]
    public void ACommittee_IsReportedLikeACouncil()
    {
        // One item on the committee's agenda: one of the 15 agenda places of the 400 days (sessions
        // on days 7, 35, ..., 399) is used; it waited from day 3 to day 35.
        var result = Run(Town([Council.Replace("AGENDA", "1"), Building.Replace("AGENDA", "1")], ", committees: [building-committee]"));
        var committee = result.Agencies.Single(a => a.IsCouncil && a.Agency == 2);

        committee.Utilisation.Should().BeApproximately(1.0 / 15, Exact);
        committee.MeanWait.Should().BeApproximately(32, Exact);
    }

    [Fact]
    public void NamingACommitteeNoAgencyHolds_IsAnError()
    {
        var act = () => Run(Town([Council, Building], ", committees: [bulding-committee]"));

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("prepared by committee 'bulding-committee', but no agency with sessions lists that role; did you mean 'building-committee'?");
    }

    [Fact]
    public void ACommitteeWithoutSessions_IsAnError()
    {
        var act = () => Run(Town([Council, "{ id: building-committee, staff: 1, roles: [building-committee] }"], ", committees: [building-committee]"));

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("agency 'building-committee' of 'town' lists committee role 'building-committee', but has no sessions");
    }

    [Fact]
    public void ACouncilThatIsAlsoTheCommittee_IsAnError()
    {
        var act = () => Run(Town([Council.Replace("roles: [decide]", "roles: [decide, building-committee]")], ", committees: [building-committee]"));

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("lists committee role 'building-committee' and role 'decide'; a committee prepares the council's decisions");
    }

    [Fact]
    public void CommitteesOnAWorkStep_AreAnError()
    {
        var yaml = Town([Council, Building], "").Replace("{ id: prepare0, role: plan, effort: 3wd }", "{ id: prepare0, role: plan, effort: 3wd, committees: [building-committee] }");

        var act = () => Run(yaml);

        act.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("'committees' belongs to council steps, but step 'prepare0' of process 'p' is a work step");
    }

    [Fact]
    public void Unify_KeepsCommitteesApart_FromTheOneCouncil()
    {
        // The district's youth-welfare committee and the town's building committee survive as
        // committees of the city; the council keeps only the councils' roles.
        var yaml = Scenario(
            """
                  - { id: office, staff: 1, roles: [x] }
                  - { id: kreistag, roles: [county], sessions: { every: 56d } }
                  - { id: youth-committee, roles: [youth-committee], sessions: { every: 56d } }
            """,
            string.Join("\n", new[] { "{ id: admin, staff: 1, roles: [plan] }", Council.Replace("AGENDA", "5"), Building.Replace("AGENDA", "5") }.Select(a => "      - " + a)),
            """
                  - { id: prepare, role: plan, effort: 3wd }
                  - { id: decide, kind: council, role: decide, after: [prepare], committees: [building-committee] }
                  - { id: fund, kind: council, role: county, after: [decide], committees: [youth-committee] }
            """,
            "plan: self, decide: self, county: district, x: district",
            """
            variants:
              - { id: city, name: City, operations: [{ op: unify, district: lk, into: stadt }] }
            """);

        var city = VariantApplier.Apply(Runs.Parse(yaml).Definition, "city").Agents.Single(a => a.Id == "stadt");

        city.Agencies.Where(g => g.IsCouncil).Select(g => (g.Id, string.Join(",", g.Roles))).Should().BeEquivalentTo(
            [("council", "county,decide"), ("building-committee", "building-committee"), ("youth-committee", "youth-committee")]);

        // Two levels: the town decides on day 49 (as above); 2 days to the district, the youth
        // committee (every 56 days from day 0) on day 56, the Kreistag the same day (no submission
        // period). One city: the same day 49; the youth committee on day 56; the city council takes
        // items 7 days after they joined: 63, so day 77.
        Only(Run(yaml)).Finish.Should().Be(56);
        Only(Run(yaml, "city")).Finish.Should().Be(77);
    }
}
