using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// A legal fiction on a staffed step (<c>deemed_after</c>): the municipal consent counts as given
/// two months after the request reached the municipality (§36(2) BauGB) unless it answered. The
/// town's office has one post; on day 0 a law starts, in this order, a project that keeps the post
/// busy (<c>blocker</c>, the first in the queue), a building application whose consent has the
/// fiction (<c>application</c>) and a small job queued behind it (<c>later</c>). The calendar is
/// continuous, hand-offs take 2 days; two months are 2 × 365.2425 / 12 = 60.87375 days.
/// </summary>
public sealed class LegalFictionTests
{
    private const double Exact = 1e-9;
    private const double TwoMonths = 2 * 365.2425 / 12;

    internal static string Scenario(int blocker, int consent) => Scenario(blocker,
        $"      - {{ id: consent, role: consent, effort: {consent}wd, deemed_after: 2mo }}\n      - {{ id: permit, role: permit, after: [consent], effort: 1wd }}");

    private static string Scenario(int blocker, string applicationSteps) => $$"""
        name: legal fiction
        seed: 1
        start: 2025-01-01
        horizon: 400d
        calendar: { kind: continuous }
        handoff: 2d
        agents:
          - { id: lk, kind: district, agencies: [{ id: building, staff: 1, roles: [permit] }] }
          - { id: town, kind: municipality, parent: lk, population: 2000, agencies: [{ id: office, staff: 1, roles: [consent] }] }
        processes:
          - id: blocker
            steps: [{ id: study, role: consent, effort: {{blocker}}wd }]
          - id: application
            steps:
        {{applicationSteps}}
          - id: later
            steps: [{ id: job, role: consent, effort: 5wd }]
        jurisdiction: { consent: self, permit: district }
        demand: []
        shocks:
          - { id: first, date: 2025-01-01, process: blocker, groups: [{ name: all, deadline: 2025-12-31 }] }
          - { id: second, date: 2025-01-01, process: application, groups: [{ name: all, deadline: 2025-12-31 }] }
          - { id: third, date: 2025-01-01, process: later, groups: [{ name: all, deadline: 2025-12-31 }] }
        """;

    private static ReplicationResult Run(string yaml) => StepKindTests.Run(yaml);

    private static ProjectRecord Project(ReplicationResult r, int process) => r.Projects.Single(p => p.Id.Process == process);

    private static AgencyStatistics Office(ReplicationResult r) => r.Agencies.Single(a => a.Agent == 1 && a.Agency == 0);

    [Fact]
    public void AStepStaffCannotReach_IsDoneByLaw_ExactlyWhenItsTimeIsUp()
    {
        // The post studies from day 0 to 100. The consent, ready on day 0, is still queued on day
        // 60.87375: done by law then; the permit is ready at the district on 62.87375 and done on
        // 63.87375. On day 100 the post reaches the consent file and drops it unworked, so the
        // later job starts on day 100, not 104, and ends on 105. The post worked 100 + 5 days.
        var result = Run(Scenario(blocker: 100, consent: 4));

        Project(result, 1).Finish.Should().BeApproximately(TwoMonths + 3, Exact);
        Project(result, 1).Path.Wait.Should().BeApproximately(TwoMonths, Exact, "the time until the fiction was spent waiting for the post");
        var consent = result.Steps.Single(s => s.Project.Process == 1 && s.Step == 0);
        (consent.ByLaw, consent.Effort).Should().Be((true, 0.0));
        consent.Start.Should().BeApproximately(TwoMonths, Exact);
        consent.End.Should().BeApproximately(TwoMonths, Exact);
        result.Steps.Where(s => s.Project.Process != 1 || s.Step != 0).Should().OnlyContain(s => !s.ByLaw);
        Project(result, 2).Finish.Should().Be(105);
        Office(result).Fictions.Should().Be(1);
        Office(result).Utilisation.Should().BeApproximately(105.0 / 400, Exact, "the dropped file took no staff time");
        Office(result).Done.Should().Be(3, "the study, the dropped consent and the later job left the office");
        (result.Tallies.Fictions, result.Tallies.FictionPeriods).Should().Be((1, 1));
    }

    [Fact]
    public void AStepFinishedInTime_IsNotDeemed()
    {
        // The study ends on day 10; the consent (4 days) on 14, well within its two months; the
        // permit on 14 + 2 + 1 = 17; the later job runs 14-19.
        var result = Run(Scenario(blocker: 10, consent: 4));

        Project(result, 1).Finish.Should().Be(17);
        Project(result, 2).Finish.Should().Be(19);
        Office(result).Fictions.Should().Be(0);
        (result.Tallies.Fictions, result.Tallies.FictionPeriods).Should().Be((0, 1));
    }

    [Fact]
    public void AStepInWork_WhenItsTimeIsUp_IsDoneByLaw_AndTheWorkFinishesWithoutEffect()
    {
        // The study ends on day 30; the consent (40 days) is in work from 30 to 70. On 60.87375 it
        // counts as given: permit done on 63.87375. The post finishes the consent on day 70 for
        // nothing, then does the later job, 70-75. It worked 75 days.
        var result = Run(Scenario(blocker: 30, consent: 40));

        Project(result, 1).Finish.Should().BeApproximately(TwoMonths + 3, Exact);
        Project(result, 2).Finish.Should().Be(75);
        Office(result).Utilisation.Should().BeApproximately(75.0 / 400, Exact);
        Office(result).Fictions.Should().Be(1);
        result.Steps.Count(s => s.Project.Process == 1 && s.Step == 0).Should().Be(1, "the step is done once, by law");
    }

    [Fact]
    public void AnApproval_StartsItsTimeAnew_InEachReviewRound()
    {
        // The application is filed at the office (1 day) and approved there, with 12 days' time,
        // always returned once to the filing. Study 0-10, filing 10-11; the approval is ready on
        // day 11 (time until 23) behind the later job (11-16); review 16-20: returned; rework
        // 20-22; round 1 is ready on 22 with time until 34; review 22-26: approved. Permit: 26 + 2
        // + 1 = 29. Had the time run from day 11 only, the approval would be done by law on 23.
        var steps = """
                  - { id: file, role: consent, effort: 1wd }
                  - { id: consent, kind: approval, role: consent, after: [file], effort: 4wd, deemed_after: 12d, rework: { probability: 1, local_probability: 1, returns_to: file, effort: 2wd, max_rounds: 1 } }
                  - { id: permit, role: permit, after: [consent], effort: 1wd }
            """;
        var result = Run(Scenario(10, steps));

        Project(result, 1).Finish.Should().Be(29);
        Project(result, 2).Finish.Should().Be(16);
        (result.Tallies.Fictions, result.Tallies.FictionPeriods).Should().Be((0, 2));
    }
}
