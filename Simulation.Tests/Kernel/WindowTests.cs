using IsdnSim.Core.Engine;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

public sealed class WindowTests
{
    [Fact]
    public void Results_DoNotDependOnHowAgentCallsAreSliced()
    {
        // One event per agent call instead of a million: many more, smaller windows, same run.
        var scenario = Runs.Load("rural-district.yaml");
        var overrides = new ScenarioOverrides(HorizonDays: 730);
        var coarse = Runs.RunOne(Runs.Spec(scenario, overrides, recordSteps: true));
        var fine = Runs.RunOne(Runs.Spec(scenario, overrides, recordSteps: true, maxEventsPerCall: 1));

        fine.Windows.Should().BeGreaterThan(coarse.Windows);
        fine.Projects.Should().Equal(coarse.Projects);
        fine.Steps.Should().Equal(coarse.Steps);
        fine.Agencies.Should().Equal(coarse.Agencies);
    }

    [Fact]
    public void AnAgentNobodyCanReach_RunsAheadInLargeSlices()
    {
        // mmc.yaml has one agent that sends nothing to anyone: it needs no windows of one lookahead each.
        var spec = Runs.Spec(Runs.Load("mmc.yaml"));
        var result = Runs.RunOne(spec);

        result.Events.Should().BeGreaterThan(100_000);
        result.Windows.Should().Be((long)Math.Ceiling(result.Events / (double)spec.MaxEventsPerCall));
    }

    [Fact]
    public void IdleStretches_AreSkipped()
    {
        // A single rare cycle-path process across the district: far fewer windows than days.
        const string yaml = """
            name: sparse
            seed: 1
            start: 2025-01-01
            horizon: 36500d
            calendar: { kind: continuous }
            agents:
              - { id: lk, kind: district, agencies: [{ id: permits, staff: 1, roles: [permit] }] }
              - { id: town, kind: municipality, parent: lk, agencies: [{ id: office, staff: 1, roles: [plan] }] }
            processes:
              - id: p
                steps:
                  - { id: plan, role: plan, effort: 1wd }
                  - { id: permit, role: permit, effort: 1wd, after: [plan] }
            jurisdiction: { plan: self, permit: district }
            demand: [{ process: p, rate: 1/year }]
            """;
        var result = Runs.RunOne(Runs.Spec(Runs.Parse(yaml)));

        result.Projects.Length.Should().BeGreaterThan(50);
        result.Windows.Should().BeLessThan(10 * result.Projects.Length, "a window is needed only around the few events, not for each of 36,500 days");
    }
}
