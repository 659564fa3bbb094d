using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

public sealed class WindowTests
{
    /// <summary>
    /// A ring town -> district -> utility -> town whose steps are shorter than the ten-day
    /// hand-off: an agent's bound then depends on messages its predecessor is about to process,
    /// which is where a coordinator that reads them too late lets agents run ahead of their input.
    /// </summary>
    internal const string Ring = """
        name: ring
        seed: 5
        start: 2025-01-01
        horizon: 2000d
        calendar: { kind: continuous }
        lookahead: 1d
        handoff: 10d
        agents:
          - { id: lk, kind: district, agencies: [{ id: permits, staff: 1, roles: [permit] }] }
          - { id: utility, kind: utility, agencies: [{ id: lines, staff: 1, roles: [lines] }] }
          - { id: town, kind: municipality, parent: lk, agencies: [{ id: office, staff: 1, roles: [plan] }] }
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 1wd }
              - { id: permit, role: permit, effort: 3wd, after: [plan] }
              - { id: lines, role: lines, effort: 4wd, after: [permit] }
              - { id: build, role: plan, effort: 1wd, after: [lines] }
        jurisdiction: { plan: self, permit: district, lines: utility }
        demand: [{ process: p, rate: 0.2/day }]
        """;

    public static TheoryData<string, long> Slicings => new()
    {
        { "ring", 1 }, { "ring", 7 }, { "rural-district", 1 }, { "rural-district", 7 },
    };

    [Theory]
    [MemberData(nameof(Slicings))]
    public void Results_DoNotDependOnHowAgentCallsAreSliced(string scenario, long maxEventsPerWindow)
    {
        // Few events per call: many more, smaller windows, and agents stopping mid-window; the same run.
        var loaded = scenario == "ring" ? Runs.Parse(Ring) : Runs.Load("rural-district.yaml");
        var coarse = Runs.RunOne(Runs.Spec(loaded, recordSteps: true));
        var fine = Runs.RunOne(Runs.Spec(loaded, recordSteps: true, maxEventsPerWindow: maxEventsPerWindow));

        fine.Windows.Should().BeGreaterThan(coarse.Windows);
        fine.Projects.Should().Equal(coarse.Projects);
        fine.Steps.Should().Equal(coarse.Steps);
        fine.Agencies.Should().BeEquivalentTo(coarse.Agencies, o => o.WithStrictOrdering());
    }

    [Fact]
    public void NoAgent_IsEverSentAMessageForATimeItHasAlreadyProcessed()
    {
        // The agents check this themselves and throw; a full run of each scenario must not.
        var act = () =>
        {
            Runs.RunOne(Runs.Spec(Runs.Parse(Ring)));
            Runs.RunOne(Runs.Spec(Runs.Load("rural-district.yaml")));
        };

        act.Should().NotThrow();
    }

    [Fact]
    public void AnAgentNobodyCanReach_RunsAheadInLargeSlices()
    {
        // mmc.yaml has one agent that sends nothing to anyone: it needs no windows of one lookahead each.
        var spec = Runs.Spec(Runs.Load("mmc.yaml"));
        var result = Runs.RunOne(spec);

        result.Events.Should().BeGreaterThan(100_000);
        result.Windows.Should().Be((long)Math.Ceiling(result.Events / (double)spec.MaxEventsPerWindow));
    }

    [Fact]
    public void ManyAgentsRunningAhead_ShareOneWindowsEventBudget()
    {
        // Ten towns nobody can reach, each with work of its own: one window may process at most
        // the budget in all, so a window of ten agents is no longer than a window of one.
        var towns = string.Join("\n", Enumerable.Range(0, 10).Select(i =>
            $"  - {{ id: town{i}, kind: municipality, agencies: [{{ id: office, staff: 1, roles: [work] }}] }}"));
        var yaml = $$"""
            name: ten towns
            seed: 2
            start: 2025-01-01
            horizon: 3000d
            calendar: { kind: continuous }
            agents:
            {{towns}}
            processes: [{ id: p, steps: [{ id: s, role: work, effort: { dist: exponential, mean: 0.5wd } }] }]
            jurisdiction: { work: self }
            demand: [{ process: p, rate: 1/day }]
            """;
        var spec = Runs.Spec(Runs.Parse(yaml), maxEventsPerWindow: 1000);
        var result = Runs.RunOne(spec);

        result.Events.Should().BeGreaterThan(50_000);
        result.Windows.Should().BeGreaterThanOrEqualTo(result.Events / 1000);
        result.Projects.Should().Equal(Runs.RunOne(Runs.Spec(Runs.Parse(yaml))).Projects);
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

        result.Projects.Count.Should().BeGreaterThan(50);
        result.Windows.Should().BeLessThan(10 * result.Projects.Count, "a window is needed only around the few events, not for each of 36,500 days");
    }
}
