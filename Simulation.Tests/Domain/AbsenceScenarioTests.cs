using System.Security.Cryptography;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Tracing;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// Absence of staff as scenario data: how the section and an agency's own absence combine, that
/// absence moves no arrival or effort and leaves a scenario without it as it was, that the share
/// of time present matches its theory, and that a file's time at an absent desk counts as waiting.
/// </summary>
public sealed class AbsenceScenarioTests
{
    private const string Region = """
        name: absence
        seed: 11
        start: 2025-01-01
        horizon: HORIZON
        calendar: { kind: continuous }
        ABSENCE
        agents:
          - id: lk
            kind: district
            agencies:
              - { id: building, staff: STAFF, roles: [permit] OVERRIDE }
              - { id: kreistag, roles: [county], sessions: { every: 28d } }
          - id: town
            kind: municipality
            parent: lk
            population: 5000
            agencies: [{ id: office, staff: 1, roles: [plan] }]
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 2wd }
              - { id: permit, role: permit, after: [plan], effort: { dist: exponential, mean: 3wd } }
        jurisdiction: { plan: self, permit: district, county: district }
        demand: [{ process: p, rate: RATE }]
        """;

    private static string Scenario(string absence, string staff = "4", string @override = "", string horizon = "3y", string rate = "20/year") =>
        Region.Replace("HORIZON", horizon).Replace("ABSENCE", absence).Replace("STAFF", staff).Replace("OVERRIDE", @override).Replace("RATE", rate);

    private const string Default = """
        absence:
          illness: { share: 0.08, spell: { dist: exponential, mean: 5wd } }
          leave: { share: 0.12, spell: 10wd }
          vacancy: { share: 0.06, refill: { dist: exponential, mean: 6mo } }
        """;

    private static AbsenceDefinition? AbsenceOf(string yaml, string agent, string agency) =>
        Runs.Parse(yaml).Definition.Agents.Single(a => a.Id == agent).Agencies.Single(g => g.Id == agency).Absence;

    [Fact]
    public void TheSection_IsEveryStaffedAgencysAbsence_AndAnAgencyReplacesThePartsItNames()
    {
        var shared = AbsenceOf(Scenario(Default), "town", "office")!;
        shared.Illness!.Share.Should().Be(0.08);
        shared.Leave!.Length.Mean.Should().Be(10);
        shared.Vacancy!.Length.Mean.Should().BeApproximately(6 * 365.2425 / 12, 1e-9, "a refill time is calendar time");
        AbsenceOf(Scenario(Default), "lk", "kreistag").Should().BeNull("a council has no staff");

        var own = AbsenceOf(Scenario(Default, @override: ", absence: { illness: { share: 0.05, spell: 3wd }, vacancy: none }"), "lk", "building")!;
        own.Illness!.Share.Should().Be(0.05);
        (own.Leave!.Share, own.Leave.Length.Mean).Should().Be((0.12, 10.0), "a part the agency does not name is the section's");
        own.Vacancy.Should().BeNull();

        AbsenceOf(Scenario(Default, @override: ", absence: none"), "lk", "building").Should().BeNull();
        AbsenceOf(Scenario(""), "lk", "building").Should().BeNull("without the section staff are always there");
        AbsenceOf(Scenario("", @override: ", absence: { leave: { share: 0.1, spell: 5wd } }"), "lk", "building")!.Leave!.Share.Should().Be(0.1);
        AbsenceOf(Scenario("absence: { illness: { share: 0, spell: 5wd } }"), "lk", "building").Should().BeNull("a share of 0 is none");
    }

    [Theory]
    [InlineData(", absence: { illness: { share: 1, spell: 5wd } }", "the share of absence.illness of agency 'building' of agent 'lk' must be below 1")]
    [InlineData(", absence: { leave: { share: 0.1 } }", "missing required key 'spell' in absence.leave of agency 'building' of agent 'lk'")]
    [InlineData(", absence: { vacancy: { share: 0.1, refill: 3 } }", "'3' has no unit")]
    [InlineData(", absence: sometimes", "expected a mapping (key: value lines) for absence of agency 'building' of agent 'lk'")]
    [InlineData(", absence: { illness: { share: 0.1, spell: 5wd, length: 3wd } }", "unknown key 'length' in illness")]
    public void AnAgencysBadAbsence_IsRejectedWhereItIsWritten(string @override, string message)
    {
        var yaml = Scenario(Default, @override: @override);
        var line = yaml.Split('\n').ToList().FindIndex(l => l.Contains("id: building", StringComparison.Ordinal)) + 1;

        var act = () => Runs.Parse(yaml);

        var diagnostics = act.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain(message);
        diagnostics[0].Position.Line.Should().Be(line);
    }

    [Fact]
    public void Variants_KeepEachAgencysAbsence()
    {
        const string variants = """
            variants:
              - id: delegate
                name: delegate
                operations: [{ op: delegate, role: permit, min_population: 1000 }]
              - id: cut
                name: cut
                operations: [{ op: scale_staff, agents: [lk], factor: 0.5 }]
            """;
        var scenario = Runs.Parse(Scenario(Default, @override: ", absence: { illness: { share: 0.05, spell: 3wd } }") + "\n" + variants);
        var model = Runs.Spec(scenario, new ScenarioOverrides(Variant: "delegate")).Compile();
        var delegated = model.Agents.Single(a => a.Id == "town").Agencies.Single(g => g.Id == "delegated-permit");
        delegated.Absence!.Illness!.Share.Should().Be(0.05, "the new office's posts are absent as the former holder's were");

        var cut = Runs.Spec(scenario, new ScenarioOverrides(Variant: "cut")).Compile();
        cut.Agents.Single(a => a.Id == "lk").Agencies.Single(g => g.Id == "building").Absence!.Illness!.Share.Should().Be(0.05);
    }

    [Fact]
    public void Absence_LeavesEveryArrivalAndEveryEffortAsItWas()
    {
        // The teaching district with absence added: its queues change, what arrives and how much
        // work each step is do not (streams of their own, keyed by agent, agency and post).
        var teaching = File.ReadAllText(Repository.Scenario("teaching.yaml"));
        teaching.Should().NotContain("\nabsence:");
        var without = Runs.RunOne(Runs.Spec(Runs.Parse(teaching), recordSteps: true));
        var with = Runs.RunOne(Runs.Spec(Runs.Parse(teaching + "\n" + Default), recordSteps: true));

        with.Steps.Select(s => s.End).Should().NotEqual(without.Steps.Select(s => s.End), "absence delays work");
        with.Arrivals.Should().Equal(without.Arrivals);
        // A step done by law (a legal fiction where staff were too slow) drew no effort.
        var effortsWithout = without.Steps.Where(s => !s.ByLaw).ToDictionary(s => (s.Project, s.Step, s.Segment), s => (s.Effort, s.ProjectArrival));
        var effortsWith = with.Steps.Where(s => !s.ByLaw).ToDictionary(s => (s.Project, s.Step, s.Segment), s => (s.Effort, s.ProjectArrival));
        var common = effortsWithout.Keys.Intersect(effortsWith.Keys).ToList();
        common.Count.Should().BeGreaterThan(200);
        foreach (var key in common)
        {
            effortsWith[key].Should().Be(effortsWithout[key], $"step {key.Step} of project {key.Project}");
        }
    }

    [Fact]
    public async Task TheRuralDistrictWithAbsenceOfZero_GivesTheProjectsOfNoAbsenceAtAll()
    {
        // rural-district.yaml without its absence section and the companies' own absence, against
        // the same file with every share of absence set to zero: the mechanism at zero must leave
        // every project as it is without it (its draws come from streams of their own).
        var text = Repository.ScenarioTextWithoutRanges("rural-district.yaml");
        var section = text.IndexOf("\nabsence:\n", StringComparison.Ordinal);
        section.Should().BePositive();
        var end = text.IndexOf("\n\n", section + 1, StringComparison.Ordinal);
        var stripped = text.Remove(section, end - section);
        stripped = System.Text.RegularExpressions.Regex.Replace(stripped, @",? ?absence: \{ illness: \{[^\n]*?\] \} \} \}", "");
        stripped.Should().NotContain("absence:");
        var zero = System.Text.RegularExpressions.Regex.Replace(text, @"\bshare: [0-9.]+", "share: 0");
        zero.Should().Contain("absence:").And.NotContain("share: 0.0865");

        using var dir = new TempDirectory();
        var without = await Runs.RunToFilesAsync(new InProcessEngine(), Runs.Spec(Runs.Parse(stripped), new ScenarioOverrides(Seed: 7)), dir.File("without"));
        var atZero = await Runs.RunToFilesAsync(new InProcessEngine(), Runs.Spec(Runs.Parse(zero), new ScenarioOverrides(Seed: 7)), dir.File("zero"));

        atZero["projects.csv"].Should().Equal(without["projects.csv"]);
    }

    [Fact]
    public void ThePresentShare_OfIllnessAndLeave_IsOneMinusTheirShares_WithinTheBoundOfTheRunLength()
    {
        // 20 posts, illness 8 % in spells of 4 wd, leave 12 % in blocks of 10 wd, continuous calendar,
        // 20,000 days. Each post's holder alternates between present (exponential, mean m_u) and away
        // (4 or 10 days): an alternating renewal process. Rates while present: 0.08 / (4 x 0.8) =
        // 0.025 and 0.12 / (10 x 0.8) = 0.015, so m_u = 1 / 0.04 = 25; away: 4 with probability
        // 0.625, 10 with 0.375: m_d = 6.25, variance 0.625 x 16 + 0.375 x 100 - 6.25^2 = 8.4375.
        // Present share m_u / (m_u + m_d) = 0.8. Started in its long-run state, the time average
        // over H is unbiased, with variance (m_d^2 s_u^2 + m_u^2 s_d^2) / ((m_u + m_d)^3 H) for one
        // post (renewal-reward central limit theorem; s_u = m_u for the exponential): 0.973 / H =
        // 4.86e-5, over 20 independent posts 2.43e-6, a standard deviation of 0.00156. Five of them: 0.0078.
        var yaml = Scenario("""
            absence:
              illness: { share: 0.08, spell: 4wd }
              leave: { share: 0.12, spell: 10wd }
            """, staff: "20", horizon: "20000d", rate: "1/year");
        const double sd = 0.00156;

        var building = Runs.RunOne(Runs.Spec(Runs.Parse(yaml))).Agencies.Single(a => a is { Agent: 0, Agency: 0 });

        building.PresentShare.Should().BeApproximately(0.8, 5 * sd);
    }

    [Fact]
    public void ThePresentShare_OfVacancies_IsOneMinusTheVacancyShare_WithinTheBoundOfTheRunLength()
    {
        // 50 posts, vacant 10 % of the time with an exponential refill of mean 90 days, 40,000 days:
        // each post is a two-state Markov process, filled for a mean 90 x 0.9 / 0.1 = 810 days.
        // kappa = 1/810 + 1/90 = 0.012346 per day; the variance of the time average over H is at
        // most 2 p (1 - p) / (kappa H) = 2 x 0.09 / (0.012346 x 40,000) = 3.645e-4 for one post,
        // 7.29e-6 over 50, a standard deviation of 0.0027. Five of them: 0.0135.
        var yaml = Scenario("absence: { vacancy: { share: 0.1, refill: { dist: exponential, mean: 90d } } }", staff: "50", horizon: "40000d", rate: "1/year");
        const double sd = 0.0027;

        var building = Runs.RunOne(Runs.Spec(Runs.Parse(yaml))).Agencies.Single(a => a is { Agent: 0, Agency: 0 });

        building.PresentShare.Should().BeApproximately(0.9, 5 * sd);
    }

    [Fact]
    public void AProjectAtAOnePostDesk_IsInServiceForItsEffort_AndWaitsWhileTheHolderIsAway()
    {
        // A law obliges the town to start one project on day 0: one step of 20 wd at the town's
        // single post, whose holder is ill 30 % of the time in spells of 3 wd (continuous
        // calendar). Whenever the post is away, the file waits; so the project ends when the post
        // has been present for 20 days after it started, its service is 20 days, and the rest of
        // its lead time is waiting. The away and back times are the trace's.
        var (result, trace) = RunTraced(TownDesk(
            staff: 1,
            effort: "20wd",
            absence: "illness: { share: 0.3, spell: 3wd }",
            demand: """
                demand: [{ process: p, rate: 0/year }]
                shocks:
                  - { id: law, name: law, date: 2025-01-01, process: p, groups: [{ name: all, deadline: 2026-01-01 }] }
                """));

        var project = result.Projects.Should().ContainSingle().Subject;
        var changes = trace.Events.Where(e => e.Kind is TraceKind.Away or TraceKind.Back).ToList();
        changes.Should().NotBeEmpty();
        var finish = FinishWhenPresentFor(20, changes);
        project.Finish.Should().BeApproximately(finish, 1e-9);
        project.Path.Service.Should().BeApproximately(20, 1e-9);
        project.Path.Wait.Should().BeApproximately(finish - 20, 1e-9);
    }

    [Fact]
    public void EveryFile_IsInServiceForItsEffortExactly_WhetherItWaitedForItsHolderOrWentToAColleague()
    {
        // Two posts, files of a constant 4 wd arriving about every 3 days, holders ill 20 % of the
        // time and posts vacant 20 % with short refills: files are paused on absent posts and
        // handed over after vacancies. On a continuous calendar a file's service (end less start
        // less the time it waited once started) is its effort, 4 days, however it went; the rest of
        // its lead time is waiting.
        var (result, trace) = RunTraced(TownDesk(
            staff: 2,
            effort: "4wd",
            absence: """
                illness: { share: 0.2, spell: { dist: exponential, mean: 5wd } }
                  vacancy: { share: 0.2, refill: { dist: exponential, mean: 20d } }
                """,
            demand: "demand: [{ process: p, rate: 0.33/day }]",
            horizon: "3000d"));

        var handedOver = trace.Events.Where(e => e.Kind == TraceKind.Start && e.HasProject).GroupBy(e => e.Project).Count(g => g.Count() > 1);
        handedOver.Should().BeGreaterThan(10, "files whose holder left go to a colleague, who starts them again");
        trace.Events.Should().Contain(e => e.Kind == TraceKind.Away && e.Detail == 1 && e.Busy >= 0);
        result.Projects.Should().HaveCountGreaterThan(500).And.AllSatisfy(p =>
        {
            p.Path.Service.Should().BeApproximately(4, 1e-9);
            p.Path.Wait.Should().BeApproximately(p.LeadTime - 4, 1e-9);
        });
    }

    /// <summary>A town whose one office of <paramref name="staff"/> posts does the only step of process p; a continuous calendar.</summary>
    private static string TownDesk(int staff, string effort, string absence, string demand, string horizon = "400d") => $$"""
        name: town desk
        seed: 3
        start: 2025-01-01
        horizon: {{horizon}}
        calendar: { kind: continuous }
        absence:
          {{absence.Trim()}}
        agents:
          - { id: town, kind: municipality, population: 100, agencies: [{ id: office, staff: {{staff}}, roles: [plan] }] }
        processes:
          - id: p
            steps: [{ id: plan, role: plan, effort: {{effort}} }]
        jurisdiction: { plan: self }
        {{demand.Trim()}}
        """;

    private static (ReplicationResult Result, Collect Trace) RunTraced(string yaml)
    {
        var spec = Runs.Spec(Runs.Parse(yaml));
        var trace = new Collect();
        return (InProcessEngine.Run(spec, spec.Compile(), 0, trace: trace), trace);
    }

    /// <summary>The time at which a desk, present from 0 except between each away and the back after it, has been present <paramref name="work"/> days.</summary>
    private static double FinishWhenPresentFor(double work, IReadOnlyList<TraceEvent> changes)
    {
        double present = 0, since = 0;
        var away = false;
        foreach (var e in changes)
        {
            if (e.Kind == TraceKind.Away && !away)
            {
                if (present + (e.Time - since) >= work)
                {
                    break;
                }

                present += e.Time - since;
                away = true;
            }
            else if (e.Kind == TraceKind.Back && away)
            {
                since = e.Time;
                away = false;
            }
        }

        return since + (work - present);
    }

    private sealed class Collect : ITraceSink
    {
        public List<TraceEvent> Events { get; } = [];

        public void Write(ReadOnlySpan<TraceEvent> events) => Events.AddRange(events.ToArray());
    }
}
