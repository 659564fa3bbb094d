using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// Consultations, working groups, support shares, office hand-offs, periods and legal fictions are
/// made at an agent's first use of them: an agent whose steps need none makes none, and closing
/// reads their counts (zero) without making them.
/// </summary>
public sealed class MechanismsMadeOnUseTests
{
    private static string Yaml(string steps) => $$"""
        name: desk
        start: 2025-01-01
        horizon: 1y
        agents:
          - id: town
            kind: municipality
            agencies:
              - { id: desk, staff: 2, roles: [plan, check] }
        processes:
          - id: p
            steps: [{{steps}}]
        jurisdiction: { plan: self, check: self }
        demand: [{ process: p, rate: 20/year }]
        """;

    [Fact]
    public void AgentWithPlainSteps_MakesNone_AndClosesWithZeroCounts()
    {
        var (runtime, result) = RunOneYear(Yaml("{ id: s, role: plan, effort: 1wd }, { id: c, role: check, effort: 1wd, after: [s] }"));

        runtime.Context.MadeOnUse().Should().BeEmpty();
        result.Tallies.Consultations.Should().Be(0);
        result.Tallies.LapsedConsultations.Should().Be(0);
        result.Tallies.FictionPeriods.Should().Be(0);
        result.Tallies.Fictions.Should().Be(0);
        result.Tallies.Reworks.Should().OnlyContain(n => n == 0);
        result.Tallies.Reworks.Length.Should().Be(SimulationModel.Levels.Length * SimulationModel.Levels.Length);
        result.Agencies.Single().Fictions.Should().Be(0);
    }

    [Fact]
    public void AgentWithAPeriodAndAFiction_MakesThoseTwo_AndNoOther()
    {
        var (runtime, result) = RunOneYear(Yaml(
            "{ id: s, role: plan, effort: 1wd, deemed_after: 2mo }, { id: wait, kind: period, role: check, after: [s], duration: 2w }"));

        runtime.Context.MadeOnUse().Should().Equal("Periods", "Fictions");
        result.Tallies.Consultations.Should().Be(0);
        result.Tallies.Fictions.Should().Be(0); // one day's work on two posts: always in time
        // Every finished project's step s ended its legal period before its wait began.
        result.Finished.Count.Should().BeGreaterThan(0);
        result.Tallies.FictionPeriods.Should().BeGreaterThanOrEqualTo(result.Finished.Count);
    }

    private static (AgentRuntime Runtime, AgentResult Result) RunOneYear(string yaml)
    {
        var model = Runs.Spec(Runs.Parse(yaml)).Compile();
        var runtime = new AgentRuntime(model, 0, 0);
        runtime.Initialize();
        var horizon = model.Horizon.Days;
        runtime.Advance(horizon, [], long.MaxValue, out _, out var outbox);
        outbox.IsEmpty.Should().BeTrue();
        return (runtime, runtime.Close(horizon));
    }
}
