namespace IsdnSim.Tests.Domain;

// Inside the namespace, so this import is found before the namespace IsdnSim.Scenario when the name is Scenario.
using static IsdnSim.Tests.Domain.StepKindTests;

/// <summary>
/// A step of kind period: a legal period in which nobody works (the public display of a plan for
/// a month, §73(3) VwVfG, then two weeks for objections, §73(4)). One project starts on day 0, the
/// calendar is continuous, hand-offs take 2 days; a month is 365.2425 / 12 = 30.436875 days.
/// </summary>
public sealed class PeriodStepTests
{
    private const double Exact = 1e-9;
    private const double Month = 365.2425 / 12;

    /// <summary>The town drafts the plan; the district's plan-approval authority displays it, takes objections and decides.</summary>
    internal static string DisplayAndObjections(string parallel = "", string decideAfter = "objections") => Scenario(
        "      - { id: approval, staff: 1, roles: [approve] }",
        "      - { id: admin, staff: 1, roles: [plan] }",
        $$"""
              - { id: draft, role: plan, effort: 3wd }
              - { id: display, kind: period, role: approve, after: [draft], duration: 1mo }
              - { id: objections, kind: period, role: approve, after: [display], duration: 2w }
        {{parallel}}      - { id: decide, role: approve, after: [{{decideAfter}}], effort: 1wd }
        """,
        "plan: self, approve: district");

    [Fact]
    public void Period_IsDoneExactlyItsDurationAfterItBecameReady()
    {
        // Draft 0-3 at the town, hand-off 2: the display is ready at the district on day 5 and
        // ends on 5 + 30.436875 = 35.436875; the objections run 14 days more, to 49.436875; the
        // decision (1 day) ends on 50.436875.
        var result = Run(DisplayAndObjections());
        var p = Only(result);

        p.Finish.Should().BeApproximately(50 + (Month - 30), Exact);
        p.Path.Period.Should().BeApproximately(Month + 14, Exact, "both periods are on the critical chain");
        p.Path.Service.Should().BeApproximately(4, Exact);
        p.Path.Handoff.Should().BeApproximately(2, Exact);
        p.Path.Wait.Should().Be(0);
        p.Path.Total.Should().BeApproximately(p.LeadTime, Exact);

        var display = result.Steps.Single(s => s.Step == 1);
        (display.Ready, display.Start, display.End, display.Effort).Should().Be((5, 5, 5 + Month, 0));
        p.Dominant.Step.Should().Be(1, "the month of display is the longest step");
    }

    [Fact]
    public void Period_NeedsNoStaff()
    {
        // The authority's one post works 60 days on a study of the same project from day 5 (ready
        // with the display). The display still ends on day 35.436875 and the objections on
        // 49.436875; the decision waits for the post, free on day 65, and ends on 66.
        var parallel = "      - { id: study, role: approve, after: [draft], effort: 60wd }\n";
        var result = Run(DisplayAndObjections(parallel, "objections, study"));

        result.Steps.Single(s => s.Step == 2).End.Should().BeApproximately(5 + Month + 14, Exact);
        Only(result).Finish.Should().BeApproximately(66, Exact);
        var authority = result.Agencies.Single(a => a.Agent == 1 && a.Agency == 0);
        authority.Arrived.Should().Be(2, "the study and the decision; periods are no work items");
    }
}
