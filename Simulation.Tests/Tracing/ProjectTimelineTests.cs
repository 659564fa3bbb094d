using IsdnSim.Presentation.Tracing;
using IsdnSim.Presentation.Tracing.Replay;
using IsdnSim.Tests.Domain;
using IsdnSim.Tests.Support;
using static IsdnSim.Tests.Tracing.HandTrace;

namespace IsdnSim.Tests.Tracing;

/// <summary>How the replay reads a project's way out of a trace: lanes, bars, marks and the critical path.</summary>
public sealed class ProjectTimelineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ACouncilStep_WaitsOnTheAgendaFromEnqueueToTheSession()
    {
        // As in TraceTests: prepared from day 0 to 3, decided at the session on day 28.
        var yaml = StepKindTests.CouncilScenario("every: 28d", 3);
        var trace = await Traces.WriteAsync(_dir.File("council.jsonl"), Runs.Spec(Runs.Parse(yaml)));

        var project = ProjectTimeline.FromTrace(trace).Should().ContainSingle().Subject;

        project.Lanes.Select(l => (l.Step, l.Role)).Should().Equal(("prepare", LaneRole.Step), ("decide", LaneRole.Step));
        project.Lanes[0].Bars.Select(b => (b.Kind, b.From, b.To, b.Agency)).Should().Equal((BarKind.Wait, 0.0, 0.0, "admin"), (BarKind.Work, 0.0, 3.0, "admin"));
        project.Lanes[1].Bars.Select(b => (b.Kind, b.From, b.To, b.Agency)).Should().Equal((BarKind.Council, 3.0, 28.0, "council"));
        project.Lanes[1].Ready.Should().Be(3);
        project.Lanes[1].Done.Should().Be(28);
        project.CriticalPath.Select(l => l.Step).Should().Equal("prepare", "decide");
        (project.Arrive, project.Finish, project.Lead).Should().Be((0.0, 28.0, 28.0));
    }

    [Fact]
    public async Task AConsultationPutToAWorkingGroup_WaitsForItsMeeting()
    {
        // Ready on day 3; the town and the district meet every 7 days (OperatorAndGroupTests): settled on day 7.
        var yaml = OperatorAndGroupTests.Consultation("working_groups: [{ id: sozialraum, members: [town, lk], every: 7d }]");
        var trace = await Traces.WriteAsync(_dir.File("group.jsonl"), Runs.Spec(Runs.Parse(yaml)));

        var project = ProjectTimeline.FromTrace(trace).Should().ContainSingle().Subject;
        var ask = project.Lanes.Single(l => l.Role == LaneRole.Step && l.Bars.Any(b => b.Kind == BarKind.Council));

        ask.Bars.Single(b => b.Kind == BarKind.Council).Should().BeEquivalentTo(new { From = 3.0, To = 7.0 }, o => o.ExcludingMissingMembers());
        ask.Marks.Should().ContainSingle(m => m.Kind == MarkKind.Meeting && m.T == 7);
    }

    [Fact]
    public async Task APeriod_IsABarFromReadyToDone_AndTheReplaySaysUntilWhen()
    {
        // As in PeriodStepTests: the display is ready at the district on day 5 and runs a month.
        var trace = await Traces.WriteAsync(_dir.File("period.jsonl"), Runs.Spec(Runs.Parse(PeriodStepTests.DisplayAndObjections())));

        var display = ProjectTimeline.FromTrace(trace).Single().Lanes.Single(l => l.Step == "display");

        display.Bars.Single(b => b.Kind == BarKind.Period).Should().BeEquivalentTo(new { From = 5.0, To = 5 + (365.2425 / 12), Agency = "approval" }, o => o.ExcludingMissingMembers());
        var state = new ReplayState(trace);
        state.MoveToTime(20);
        state.Project("town/p/law")!.UnderWay.Should().Equal("display: legal period at approval — lk until day 35.4");
    }

    [Fact]
    public async Task AStepDoneByLaw_IsMarked_ItsWaitEndsThen_AndItsFileIsDroppedLater()
    {
        // As in LegalFictionTests: the consent is queued from day 0 and done by law on day 60.87375;
        // the post reaches the file on day 100 and drops it, with the later job still queued.
        var trace = await Traces.WriteAsync(_dir.File("fiction.jsonl"), Runs.Spec(Runs.Parse(LegalFictionTests.Scenario(blocker: 100, consent: 4))));

        var consent = ProjectTimeline.FromTrace(trace).Single(p => p.Process == "application").Lanes.Single(l => l.Step == "consent");

        consent.Bars.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = BarKind.Wait, From = 0.0, To = 2 * 365.2425 / 12 }, o => o.ExcludingMissingMembers());
        consent.Marks.Should().ContainSingle(m => m.Kind == MarkKind.Deemed);
        trace.Events.Single(e => e.Ev == "drop").Should().BeEquivalentTo(new { T = 100.0, Step = "consent", Work = "step", Queue = 1, Busy = 0 }, o => o.ExcludingMissingMembers());
    }

    [Fact]
    public void TheCriticalPath_FollowsThePredecessorDoneLast()
    {
        var trace = Make(
            [Step("a"), Step("b"), Step("c", "a", "b")],
            Arrive(0),
            Item(0, "enqueue", "town", "office", "a"), Item(0, "start", "town", "office", "a"),
            Item(0, "enqueue", "lk", "office", "b"), Item(0, "start", "lk", "office", "b"),
            Item(5, "end", "town", "office", "a"), Done(5, "town", "office", "a", 5),
            Item(9, "end", "lk", "office", "b"), Done(9, "lk", "office", "b", 9),
            Send(9, "lk", "c", "town", "step-ready", 11),
            Item(11, "enqueue", "town", "office", "c"), Item(11, "start", "town", "office", "c"),
            Item(12, "end", "town", "office", "c"), Done(12, "town", "office", "c", 1),
            Finish(12, "c"));

        var project = ProjectTimeline.FromTrace(trace).Single();

        project.CriticalPath.Select(l => l.Step).Should().Equal("b", "c");
        project.Lanes.Single(l => l.Step == "c").Bars.Select(b => (b.Kind, b.From, b.To)).Should().Equal(
            (BarKind.HandOff, 9.0, 11.0), (BarKind.Wait, 11.0, 11.0), (BarKind.Work, 11.0, 12.0));
    }

    [Fact]
    public void APerSegmentStep_WaitsForItsOwnSegmentOfAPerSegmentPredecessor()
    {
        // Segment 1 is designed last, but segment 0's resolution is done last: the path runs through segment 0.
        var trace = Make(
            [Step("design"), Step("resolve", "design"), Step("statements", "resolve")],
            Arrive(0),
            Done(10, "town", "office", "design", 10, segment: 0),
            Done(20, "town", "office", "design", 20, segment: 1),
            Done(30, "town", "council", "resolve", 20, segment: 0),
            Done(25, "town", "council", "resolve", 5, segment: 1),
            Done(40, "town", "office", "statements", 10),
            Finish(40, "statements"));

        var project = ProjectTimeline.FromTrace(trace).Single();

        project.CriticalPath.Select(l => (l.Step, l.Segment)).Should().Equal(("design", 0), ("resolve", 0), ("statements", null));
        project.Lanes.Select(l => (l.Step, l.Segment)).Should().Equal(("design", 0), ("design", 1), ("resolve", 0), ("resolve", 1), ("statements", null));
    }

    [Fact]
    public void Rework_HasALaneOfItsOwn_WithTheHandOffsThereAndBack()
    {
        var trace = Make(
            [Step("permit")],
            Arrive(0),
            Send(0, "town", "permit", "lk", "step-ready", 2),
            Item(2, "enqueue", "lk", "office", "permit"), Item(2, "start", "lk", "office", "permit"), Item(5, "end", "lk", "office", "permit"),
            new TraceRecord(5, "2025-01-06", "return", "lk") { Agency = "office", Project = Project, Step = "permit", To = "town" },
            Send(5, "lk", "permit", "town", "rework", 7),
            Item(7, "enqueue", "town", "office", "permit", "rework"), Item(8, "start", "town", "office", "permit", "rework"),
            Item(10, "end", "town", "office", "permit", "rework"),
            Send(10, "town", "permit", "lk", "rework-done", 12),
            Item(12, "enqueue", "lk", "office", "permit"), Item(12, "start", "lk", "office", "permit"), Item(13, "end", "lk", "office", "permit"),
            Done(13, "lk", "office", "permit", 11),
            Finish(13, "permit"));

        var lanes = ProjectTimeline.FromTrace(trace).Single().Lanes;

        lanes.Select(l => (l.Role, l.Agent, l.Agency)).Should().Equal((LaneRole.Step, null, null), (LaneRole.Rework, "town", "office"));
        lanes[0].Marks.Should().Equal(new TimelineMark(MarkKind.Return, 5, "lk", "town"));
        lanes[0].Bars.Select(b => (b.Kind, b.From, b.To)).Should().Equal(
            (BarKind.HandOff, 0.0, 2.0), (BarKind.Wait, 2.0, 2.0), (BarKind.Work, 2.0, 5.0), (BarKind.Wait, 12.0, 12.0), (BarKind.Work, 12.0, 13.0));
        lanes[1].Bars.Select(b => (b.Kind, b.From, b.To, b.Receiver)).Should().Equal(
            (BarKind.HandOff, 5.0, 7.0, "town"), (BarKind.Wait, 7.0, 8.0, null), (BarKind.Work, 8.0, 10.0, null), (BarKind.HandOff, 10.0, 12.0, "lk"));
    }

    [Fact]
    public void WorkNotEndedWhenTheTraceEnds_IsOpenToTheEndOfTheRun()
    {
        var trace = Make([Step("a")], Arrive(0), Item(1, "enqueue", "town", "office", "a"), Item(4, "start", "town", "office", "a"));

        var project = ProjectTimeline.FromTrace(trace).Single();

        project.Finish.Should().BeNull();
        project.CriticalPath.Should().BeEmpty("an unfinished project has no finish to explain");
        project.Lanes[0].Bars.Select(b => (b.Kind, b.From, b.To, b.Open)).Should().Equal((BarKind.Wait, 1.0, 4.0, false), (BarKind.Work, 4.0, 100.0, true));
    }

    [Fact]
    public void AQueueSeries_KeepsTheLastValueAtATime_AndOnlyChanges()
    {
        static TraceRecord At(double t, int queue, int busy) => Item(t, "enqueue", "town", "office", "a") with { Queue = queue, Busy = busy };
        var trace = Make([Step("a")], At(1, 1, 0), At(1, 0, 1), At(2, 1, 1), At(2, 0, 1), At(3, 0, 1), At(4, 0, 0));

        var series = QueueSeries.FromTrace(trace)[("town", "office")];

        series.T.Should().Equal(1, 4);
        series.Queue.Should().Equal(0, 0);
        series.Busy.Should().Equal(1, 0);
    }
}
