using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Tracing;

/// <summary>
/// docs/lesson-replay.md walks through one project in two traces of scenarios/teaching.yaml. The
/// dates and days it quotes are checked here, so that the lesson stays true (or this fails, and
/// the lesson is updated with the program).
/// </summary>
public sealed class LessonTests : IDisposable
{
    private const string Kita = "seeburg/kita-site/0";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<TraceFile> TraceAsync(string variant) =>
        await Traces.WriteAsync(_dir.File($"{variant}.jsonl"), Runs.Spec(Runs.Load("teaching.yaml"), new ScenarioOverrides(Replications: 1, Variant: variant)));

    /// <summary>Days the Kita site was in someone's work (start to end of its steps).</summary>
    private static double WorkDays(TraceFile trace)
    {
        var started = new Dictionary<string, double>();
        var work = 0.0;
        foreach (var e in trace.Events.Where(e => e.Project == Kita && e.Work == "step"))
        {
            if (e.Ev == "start")
            {
                started[e.Step!] = e.T;
            }
            else if (e.Ev == "end")
            {
                work += e.T - started[e.Step!];
            }
        }

        return work;
    }

    private static TraceRecord Event(TraceFile trace, string ev, string? step = null) =>
        trace.Events.First(e => e.Project == Kita && e.Ev == ev && (step is null || e.Step == step));

    [Fact]
    public async Task TheStatusQuoStory_IsWhatTheTraceSays()
    {
        var trace = await TraceAsync("status-quo");

        Event(trace, "arrive").Date.Should().Be("2025-04-08");
        Event(trace, "step-done", "site").Days!.Value.Should().BeApproximately(7.5, 0.05);
        Event(trace, "step-done", "land-decision").Should().BeEquivalentTo(new { Date = "2025-05-21" }, o => o.ExcludingMissingMembers());
        Event(trace, "step-done", "land-decision").Days!.Value.Should().BeApproximately(35, 0.5);
        Event(trace, "lapsed").Date.Should().Be("2025-07-02");
        Event(trace, "step-done", "needs-coordination").Days.Should().Be(42);
        Event(trace, "step-done", "operating-permit").Days!.Value.Should().BeApproximately(28, 0.05);
        Event(trace, "step-done", "county-decision").Date.Should().Be("2025-10-08");
        Event(trace, "step-done", "county-decision").Days!.Value.Should().BeApproximately(68, 0.05);
        Event(trace, "start", "build").Date.Should().Be("2025-11-18");
        Event(trace, "finish").Date.Should().Be("2026-01-21");
        Event(trace, "finish").Lead!.Value.Should().BeApproximately(287, 0.1);
        trace.Events.Single(e => e.Ev == "session" && e.Agency == "kreistag" && e.Date == "2025-08-13").Decided.Should().Be(1, "Seeburg's permit came too late for that session");
        (Event(trace, "start", "build").T - Event(trace, "enqueue", "build").T).Should().BeApproximately(39, 0.5);
        (Event(trace, "enqueue", "build").T - 226).Should().BeApproximately(56, 0.01, "it reaches the developer 56 days later than in the reform");
        WorkDays(trace).Should().BeApproximately(78, 0.5, "the lesson says 78 of the 287 days are work");

        var state = new ReplayState(trace);
        state.MoveToDate(new DateOnly(2025, 6, 25));
        state.Project(Kita)!.UnderWay.Should().Equal("needs-coordination: consultation: 1 of 2 answered; the deadline for statements ends on day 182");
        state.MoveToDate(new DateOnly(2025, 9, 1));
        state.Project(Kita)!.UnderWay.Should().Equal("county-decision: waiting for the session of kreistag (lk-seeblick) since day 212, 2 on the agenda then");
    }

    [Fact]
    public async Task TheDemocratisationStory_IsWhatTheTraceSays()
    {
        var trace = await TraceAsync("democratisation");

        Event(trace, "meeting").Date.Should().Be("2025-06-18");
        Event(trace, "step-done", "needs-coordination").Days.Should().Be(28);
        Event(trace, "step-done", "operating-permit").Days!.Value.Should().BeApproximately(11, 0.1);
        Event(trace, "step-done", "county-decision").Date.Should().Be("2025-08-13");
        Event(trace, "step-done", "county-decision").Days!.Value.Should().BeApproximately(43, 0.1);
        var build = Event(trace, "start", "build");
        (build.T - Event(trace, "enqueue", "build").T).Should().BeApproximately(82, 0.5);
        Event(trace, "step-done", "build").Days!.Value.Should().BeApproximately(82 + 57, 0.5);
        Event(trace, "finish").Date.Should().Be("2026-01-06");
        trace.Events.Single(e => e.Ev == "session" && e.Agency == "kreistag" && e.Date == "2025-08-13").Decided.Should().Be(2, "Seeburg's and Birkenwerder's Kitas");
        var atTheDeveloper = trace.Events.Where(e => e.Ev == "enqueue" && e.Agent == "wohnbau-seeburg" && e.Date == "2025-08-15").Select(e => e.Project).ToList();
        atTheDeveloper.Should().Equal("birkenwerder/kita-site/0", Kita);
        (Event(trace, "enqueue", "build").T - 226).Should().BeApproximately(0, 0.01);
        Event(trace, "finish").Lead!.Value.Should().BeApproximately(273, 0.1);

        var state = new ReplayState(trace);
        state.MoveToDate(new DateOnly(2025, 6, 15));
        state.Project(Kita)!.UnderWay.Should().Equal("needs-coordination: waiting for the working group's meeting on day 168 (consultation of 2)");
        state.MoveToDate(new DateOnly(2025, 9, 1));
        state.Project(Kita)!.UnderWay.Should().Equal("build: waiting at projects (wohnbau-seeburg) since day 226 for its staff to be free");
    }
}
