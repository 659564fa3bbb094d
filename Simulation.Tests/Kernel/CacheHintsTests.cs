using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The window calls hint the processor to load the next agents' state (<see cref="CacheHints"/>,
/// <see cref="AgentRuntime.PrefetchState"/>, <see cref="AgentRuntime.PrefetchWork"/>): hints read
/// nothing the program sees and change nothing, on an agent before its first event as after.
/// </summary>
public sealed class CacheHintsTests
{
    private const string Yaml = """
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
            steps: [{ id: s, role: plan, effort: 1wd }, { id: c, role: check, effort: 1wd, after: [s] }]
        jurisdiction: { plan: self, check: self }
        demand: [{ process: p, rate: 40/year }]
        """;

    [Fact]
    public void Prefetch_OfNothing_OfAnEmptyArray_AndOfAnObject_ChangesNothing()
    {
        int[]? none = null;
        var box = new int[] { 7, 8 };
        var kept = new List<int> { 1, 2 };

        CacheHints.Prefetch((object?)null);
        CacheHints.Prefetch(none);
        CacheHints.Prefetch(Array.Empty<double>());
        CacheHints.Prefetch(box);
        CacheHints.Prefetch(kept);

        box.Should().Equal(7, 8);
        kept.Should().Equal(1, 2);
    }

    [Fact]
    public void AnAgentHintedBeforeEveryCall_AnswersEveryCall_AsOneNeverHinted()
    {
        var model = Runs.Spec(Runs.Parse(Yaml)).Compile();
        var hinted = new AgentRuntime(model, 0, 0);
        var plain = new AgentRuntime(model, 0, 0);

        // Before the first event, the event list and the message heap have no array yet.
        hinted.PrefetchState();
        hinted.PrefetchWork();
        hinted.Initialize().Should().Be(plain.Initialize());

        var horizon = model.Horizon.Days;
        var answers = 0;
        for (var until = 7.0; until < horizon + 7; until += 7)
        {
            hinted.PrefetchState();
            hinted.PrefetchWork();
            var byHinted = hinted.Advance(Math.Min(until, horizon), [], long.MaxValue, out var nextHinted, out var sentHinted);
            var sentByHinted = sentHinted.Length;
            var byPlain = plain.Advance(Math.Min(until, horizon), [], long.MaxValue, out var nextPlain, out var sentPlain);

            byHinted.Should().Be(byPlain);
            nextHinted.Should().Be(nextPlain);
            sentByHinted.Should().Be(0).And.Be(sentPlain.Length);
            answers += byHinted > 0 ? 1 : 0;
        }

        answers.Should().BeGreaterThan(20); // about 40 projects of two steps, weekly calls: most weeks have events
        hinted.Close(horizon).Should().BeEquivalentTo(plain.Close(horizon));
    }
}
