using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Validation;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Validation;

/// <summary>
/// A share finished by a date, on a run whose finish dates follow by hand: a law obliges towns a, b
/// and c (all of district lk) to make a plan on the start, 2025-01-01 (day 0). The plan is one
/// step of 10 working days at the district's one-post office, on a continuous calendar. The towns
/// have no agency of their own, so their projects start at the district (their host) without a
/// hand-off, and the office does them in turn, in the order of its towns (a, b, c): a's plan is
/// done on day 10, b's on 20, c's on 30. The end of date D is day (D - 2025-01-01) + 1:
/// 2025-01-10 ends on day 10, 2025-01-30 on day 30.
/// </summary>
public sealed class ShareFinishedByTests
{
    internal static string Yaml(string warmup = "0d") => $$"""
        name: plans
        seed: 1
        start: 2025-01-01
        horizon: 100d
        warmup: {{warmup}}
        calendar: { kind: continuous }
        agents:
          - { id: lk, kind: district, agencies: [{ id: office, staff: 1, roles: [plan] }] }
          - { id: a, kind: municipality, parent: lk, population: 1000 }
          - { id: b, kind: municipality, parent: lk, population: 1000 }
          - { id: c, kind: municipality, parent: lk, population: 1000 }
        processes:
          - { id: heat-plan, steps: [{ id: work, role: plan, effort: 10wd }] }
        jurisdiction: { plan: district }
        demand: []
        shocks:
          - { id: law, date: 2025-01-01, process: heat-plan, groups: [{ name: all, deadline: 2025-12-31 }] }
        """;

    private static IReadOnlyList<double> Values(string yaml, params string[] rows)
    {
        var spec = Runs.Spec(Runs.Parse(yaml));
        var model = spec.Compile();
        var targets = ObservedTarget.Resolve(ObservedData.Parse("process,region,statistic,value,unit,source\n" + string.Join("\n", rows), "obs.csv"), model, "plans.yaml");
        return [.. ObservedFigures.Compute(model, InProcessEngine.Run(spec, model, 0), targets).Values.Select(v => v.Value)];
    }

    [Fact]
    public void TheFinishDates_AreAsWorkedOutByHand()
    {
        var spec = Runs.Spec(Runs.Parse(Yaml()));

        InProcessEngine.Run(spec, spec.Compile(), 0).Projects.Select(p => p.Finish).Should().Equal(10, 20, 30);
    }

    [Fact]
    public void TheShare_CountsPlansFinishedByTheEndOfTheDate()
    {
        Values(Yaml(),
                "heat-plan,,share_finished_by:2025-01-09,0,share,s",   // ends on day 9: none
                "heat-plan,,share_finished_by:2025-01-10,0,share,s",   // day 10: a's
                "heat-plan,,share_finished_by:2025-01-29,0,share,s",   // day 29: a's and b's
                "heat-plan,,share_finished_by:2025-01-30,0,share,s",   // day 30: all three
                "heat-plan,a,share_finished_by:2025-01-10,0,share,s",
                "heat-plan,c,share_finished_by:2025-01-29,0,share,s",
                "heat-plan,c,share_finished_by:2025-01-30,0,share,s")
            .Should().Equal(0, 1.0 / 3, 2.0 / 3, 1, 1, 0, 1);
    }

    [Fact]
    public void TheShare_IgnoresTheWarmUp_WhileLeadTimesSkipIt()
    {
        // With a warm-up of 20 days all three plans are still obliged and counted for the share;
        // the lead times count only the plans finished on or after day 20: b's 20 and c's 30.
        Values(Yaml("20d"),
                "heat-plan,,share_finished_by:2025-01-20,0,share,s",
                "heat-plan,,mean,0,days,s",
                "heat-plan,,median,0,days,s")
            .Should().Equal(2.0 / 3, 25, 25);
    }
}
