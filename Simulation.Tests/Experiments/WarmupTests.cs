using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>
/// Statistics skip the warm-up. Three projects of 10 days each at one office with one person,
/// started by laws on days 0, 25 and 50 (continuous calendar, no overlap): with a warm-up of 30
/// days and a horizon of 100, the first is not observed at all, the second (25 to 35) counts as
/// finished but only its last 5 days are time in the observation period, the third counts whole.
/// </summary>
public sealed class WarmupTests
{
    private const double Exact = 1e-9;

    private static string Scenario(string warmup) => $$"""
        name: warm-up
        seed: 1
        start: 2025-01-01
        horizon: 100d
        {{warmup}}
        calendar: { kind: continuous }
        agents:
          - { id: town, kind: municipality, population: 2000, agencies: [{ id: office, staff: 1, roles: [plan] }] }
        processes:
          - id: p
            steps: [{ id: plan, role: plan, effort: 10wd }]
        jurisdiction: { plan: self }
        demand: []
        shocks:
          - { id: a, date: 2025-01-01, process: p, groups: [{ name: all, deadline: 2025-12-31 }] }
          - { id: b, date: 2025-01-26, process: p, groups: [{ name: all, deadline: 2025-12-31 }] }
          - { id: c, date: 2025-02-20, process: p, groups: [{ name: all, deadline: 2025-12-31 }] }
        """;

    private static ReplicationFigures Figures(string yaml, ScenarioOverrides? overrides = null)
    {
        var spec = Runs.Spec(Runs.Parse(yaml), overrides);
        return ReplicationFigures.Compute(spec.Compile(), Runs.RunOne(spec));
    }

    [Fact]
    public void Warmup_SkipsWhatHappenedBeforeIt()
    {
        var f = Figures(Scenario("warmup: 30d"));

        f.Overall.Finished.Should().Be(2, "finished on days 35 and 60");
        f.Overall.Arrived.Should().Be(1, "only the project of day 50 arrived after the warm-up");
        f.Overall.LeadTimeMean.Should().BeApproximately(10, Exact);
        f.Overall.ThroughputPerYear.Should().BeApproximately(2 / (70 / IsdnSim.Kernel.Time.CalendarConstants.DaysPerYear), Exact);
        f.Overall.WipMean.Should().BeApproximately((5 + 10) / 70.0, Exact, "days 30 to 35 and 50 to 60 of the 70 observed");

        var office = f.Agencies.Single();
        office.Utilisation.Should().BeApproximately(15 / 70.0, Exact);
        office.Should().BeEquivalentTo(new { Arrived = 1L, Started = 1L, Done = 2L, MeanWait = 0.0, MeanQueueLength = 0.0 });
        f.Deadlines.Sum(d => d.OnTime).Should().Be(3, "deadlines are about the law, not steady state: all three count");
    }

    [Fact]
    public void NoWarmup_ObservesEverything()
    {
        var f = Figures(Scenario(""));

        f.Overall.Should().BeEquivalentTo(new { Finished = 3L, Arrived = 3L }, o => o.ExcludingMissingMembers());
        f.Overall.WipMean.Should().BeApproximately(30 / 100.0, Exact);
        f.Agencies.Single().Utilisation.Should().BeApproximately(30 / 100.0, Exact);
    }

    [Fact]
    public void WarmupOverride_ReplacesTheFilesOwn()
    {
        var f = Figures(Scenario(""), new ScenarioOverrides(WarmupDays: 30));

        f.Overall.Finished.Should().Be(2);
        f.Agencies.Single().Utilisation.Should().BeApproximately(15 / 70.0, Exact);
    }
}
