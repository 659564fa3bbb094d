using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Determinism;

/// <summary>
/// Random numbers follow the thing sampled, not the agency sampling it: changing capacity
/// changes queues, never what arrives or how much work a step is.
/// </summary>
public sealed class CommonRandomNumbersTests
{
    [Fact]
    public void DoublingOneAgencysStaff_LeavesArrivalsAndEffortsUnchanged()
    {
        var scenario = Runs.Load("rural-district.yaml");
        var doubled = WithBuildingStaff(scenario, 34);
        var overrides = new ScenarioOverrides(HorizonDays: 3 * 365);

        var baseline = Runs.RunOne(Runs.Spec(scenario, overrides, recordSteps: true));
        var variant = Runs.RunOne(Runs.Spec(doubled, overrides, recordSteps: true));

        // The variant really is different: the building authority is half as busy.
        var building = (Agent: 1, Agency: 0);
        variant.Agencies.Single(a => (a.Agent, a.Agency) == building).Utilisation
            .Should().BeLessThan(0.6 * baseline.Agencies.Single(a => (a.Agent, a.Agency) == building).Utilisation);
        variant.Steps.Select(s => s.End).Should().NotEqual(baseline.Steps.Select(s => s.End));

        // Same projects arrive at the same times ...
        variant.Arrivals.Should().Equal(baseline.Arrivals);
        var arrivalsA = baseline.Steps.Select(s => (s.Project, s.ProjectArrival)).Distinct().ToDictionary(x => x.Project, x => x.ProjectArrival);
        var arrivalsB = variant.Steps.Select(s => (s.Project, s.ProjectArrival)).Distinct().ToDictionary(x => x.Project, x => x.ProjectArrival);
        foreach (var (project, arrival) in arrivalsA.Where(p => arrivalsB.ContainsKey(p.Key)))
        {
            arrivalsB[project].Should().Be(arrival);
        }

        // ... and every step its holder did in both draws the same effort (a step done by law, a
        // legal fiction where staff were too slow, drew none).
        var effortsA = baseline.Steps.Where(s => !s.ByLaw).ToDictionary(s => (s.Project, s.Step, s.Segment), s => s.Effort);
        var effortsB = variant.Steps.Where(s => !s.ByLaw).ToDictionary(s => (s.Project, s.Step, s.Segment), s => s.Effort);
        var common = effortsA.Keys.Intersect(effortsB.Keys).ToList();
        common.Count.Should().BeGreaterThan(1000);
        foreach (var key in common)
        {
            effortsB[key].Should().Be(effortsA[key], $"step {key.Step} of project {key.Project}");
        }
    }

    [Fact]
    public void AnotherReplication_DrawsOtherNumbers()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365), recordSteps: true);
        var r0 = Runs.RunOne(spec, 0);
        var r1 = Runs.RunOne(spec, 1);

        r1.Arrivals.Should().NotEqual(r0.Arrivals);
    }

    /// <summary>The scenario text with the building authority's 17 posts replaced, loaded through the same loader.</summary>
    private static LoadedScenario WithBuildingStaff(LoadedScenario scenario, int staff)
    {
        const string line = "        staff: 17\n";
        scenario.Text.Split(line).Should().HaveCount(2, "the building authority is the only agency with 17 posts");
        return ScenarioLoader.Parse(scenario.Text.Replace(line, $"        staff: {staff}\n"), scenario.File);
    }
}
