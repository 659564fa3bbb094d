using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Tests.Domain;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Tracing;

/// <summary>Stepping through a trace: what holds at the cursor, forward and back.</summary>
public sealed class ReplayStateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The council case of TraceTests: prepared on days 0-3, decided on day 28.</summary>
    private async Task<ReplayState> CouncilAsync()
    {
        var yaml = StepKindTests.Scenario(
            "      - { id: office, staff: 1, roles: [x] }",
            """
                  - { id: admin, staff: 1, roles: [plan] }
                  - { id: council, roles: [decide], sessions: { every: 28d } }
            """,
            """
                  - { id: prepare, role: plan, effort: 3wd }
                  - { id: decide, kind: council, role: decide, after: [prepare] }
            """,
            "plan: self, decide: self, x: district");
        return new ReplayState(await Traces.WriteAsync(_dir.File("council.jsonl"), Runs.Spec(Runs.Parse(yaml))));
    }

    [Fact]
    public async Task AtEachMoment_TheProjectIsWhereTheRulesPutIt()
    {
        var state = await CouncilAsync();

        state.MoveToDate(new DateOnly(2025, 1, 2));
        state.Time.Should().Be(1);
        state.Agency("town", "admin").Should().Be((0, 1));
        state.Project("town/p/law")!.UnderWay.Should().Equal("prepare: in work at admin — town");

        state.MoveToTime(10);
        state.Agency("town", "admin").Should().Be((0, 0));
        state.Agency("town", "council").Should().Be((1, 0));
        state.Project("town/p/law")!.UnderWay.Should().Equal("decide: waiting for the session of council — town since day 3, 1 on the agenda then");
        state.Busy().Should().Equal(("town", "council", 1, 0));

        state.MoveToDate(new DateOnly(2025, 2, 1));
        state.Project("town/p/law")!.Finish.Should().Be(28);
        state.Project("town/p/law")!.UnderWay.Should().BeEmpty();
        state.Busy().Should().BeEmpty();
    }

    [Fact]
    public async Task StepsAndJumps_GoBothWays()
    {
        var state = await CouncilAsync();

        state.Next();
        state.Current!.Ev.Should().Be("arrive");
        state.MoveToProjectEvent("town/p/law", forward: true).Should().BeTrue();
        state.Current!.Ev.Should().Be("enqueue");
        state.MoveDays(3);
        state.Time.Should().Be(3);
        state.Project("town/p/law")!.UnderWay.Should().Equal(new[] { "decide: waiting for the session of council — town since day 3, 1 on the agenda then" },
            "the moment of day 3 is after everything at day 3, as the page shows it");
        state.Position.Should().Be(6);
        state.Previous();
        state.Position.Should().Be(5);
        state.MoveTo(int.MaxValue);
        state.Position.Should().Be(state.Trace.Events.Count);
        state.MoveToProjectEvent("town/p/law", forward: true).Should().BeFalse("the last event is applied");
        state.MoveTo(-5);
        state.Position.Should().Be(0);
        state.Project("town/p/law").Should().BeNull("it has not arrived before the first event");
    }

    [Fact]
    public async Task GoingBack_GivesTheSameStateAsComingForward()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));
        var trace = await Traces.WriteAsync(_dir.File("year.jsonl"), spec);
        var there = new ReplayState(trace);
        var back = new ReplayState(trace);

        there.MoveTo(4_321);
        back.MoveTo(11_000);
        back.MoveTo(4_321);

        back.Busy().Should().Equal(there.Busy());
        foreach (var p in trace.Events.Take(4_321).Where(e => e.Project is not null).Select(e => e.Project!).Distinct())
        {
            back.Project(p)!.UnderWay.Should().Equal(there.Project(p)!.UnderWay, p);
        }
    }
}
