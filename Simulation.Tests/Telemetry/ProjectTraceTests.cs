using System.Diagnostics;
using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Telemetry;
using IsdnSim.Tests.Domain;
using IsdnSim.Tests.Support;
using IsdnSim.Tests.Tracing;

namespace IsdnSim.Tests.Telemetry;

// Inside the namespace, so this import is found before the namespace IsdnSim.Scenario when the name is Scenario.
using static IsdnSim.Presentation.Telemetry.TelemetryNames;

/// <summary>Each simulated project is a trace, each of its steps a span, in simulated calendar time.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class ProjectTraceTests : IDisposable
{
    private static readonly RunSpec TwoYears = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 730), recordSteps: true);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The town prepares for 3 days from day 0; its council, meeting every 28 days, decides on day 28 (as in StepKindTests).</summary>
    private static RunSpec CouncilDecision(string horizon = "400d") => Runs.Spec(Runs.Parse(StepKindTests.Scenario(
        "      - { id: office, staff: 1, roles: [x] }",
        """
              - { id: admin, staff: 1, roles: [plan] }
              - { id: council, roles: [decide], sessions: { every: 28d } }
        """,
        """
              - { id: prepare, role: plan, effort: 3wd }
              - { id: decide, kind: council, role: decide, after: [prepare] }
        """,
        "plan: self, decide: self, x: district",
        horizon: horizon)), recordSteps: true);

    private static List<Activity> Export(RunSpec spec, int replication = 0) => SpanCapture.Export(spec.Compile(), Runs.RunOne(spec, replication));

    [Fact]
    public void ACouncilDecision_IsARootSpanFromArrivalToFinish_WithASpanPerStep()
    {
        var spans = Export(CouncilDecision());

        var root = spans.Should().ContainSingle(s => s.IsRoot()).Subject;
        root.Should().BeEquivalentTo(new
        {
            OperationName = "p",
            StartTimeUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Duration = TimeSpan.FromDays(28),
        }, o => o.ExcludingMissingMembers());
        root.TagObjects.Should().Contain(
        [
            new(Project, "town/p/law"), new(TelemetryNames.Process, "p"), new(Owner, "town"), new(Level, "municipal"), new(Shock, "law"),
            new(Scenario, "step kinds"), new(Seed, "1"), new(Variant, "none"), new(Replication, 0),
            new(ArrivalDay, 0.0), new(FinishDay, 28.0), new(LeadTimeDays, 28.0), new(Unfinished, false),
        ]);

        var steps = spans.Where(s => !s.IsRoot()).OrderBy(s => s.StartTimeUtc).ToList();
        steps.Select(s => (s.OperationName, s.StartTimeUtc, s.End(), s.TraceId, s.ParentSpanId)).Should().Equal(
            ("p/prepare", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 4, 0, 0, 0, DateTimeKind.Utc), root.TraceId, root.SpanId),
            ("p/decide", new DateTime(2025, 1, 4, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 29, 0, 0, 0, DateTimeKind.Utc), root.TraceId, root.SpanId));
        steps[0].TagObjects.Should().Contain(
        [
            new(Step, "prepare"), new(StepKind, "work"), new(Agent, "town"), new(Agency, "admin"), new(Level, "municipal"),
            new(Ready, "2025-01-01T00:00:00.0000000+00:00"), new(WaitDays, 0.0), new(WorkDays, 3.0), new(Effort, 3.0),
        ]);
        steps[1].TagObjects.Should().Contain(
        [
            new(Step, "decide"), new(StepKind, "council"), new(Agency, "council"),
            new(Ready, "2025-01-04T00:00:00.0000000+00:00"), new(ReadyDay, 3.0), new(StartDay, 3.0), new(EndDay, 28.0), new(WaitDays, 0.0), new(WorkDays, 25.0),
        ]);
        steps.Should().OnlyContain(s => s.GetTagItem(Segment) == null, "the project is not split into segments");
    }

    [Fact]
    public void AProjectUnfinishedAtTheHorizon_EndsThere_MarkedUnfinished()
    {
        var spans = Export(CouncilDecision(horizon: "20d"));

        var root = spans.Should().ContainSingle(s => s.IsRoot()).Subject;
        root.End().Should().Be(new DateTime(2025, 1, 21, 0, 0, 0, DateTimeKind.Utc), "the horizon is day 20");
        root.GetTagItem(Unfinished).Should().Be(true);
        root.GetTagItem(FinishDay).Should().BeNull();
        spans.Where(s => !s.IsRoot()).Select(s => s.OperationName).Should().Equal(["p/prepare"], "the council has not met by day 20");
    }

    [Fact]
    public void EveryProject_IsOneTrace_WhoseStepSpansAreChildrenOfItsRootSpan()
    {
        var result = Runs.RunOne(TwoYears);
        var spans = SpanCapture.Export(TwoYears.Compile(), result);

        var roots = spans.Where(s => s.IsRoot()).ToDictionary(s => s.TraceId);
        var children = spans.Where(s => !s.IsRoot()).ToList();
        roots.Values.Select(r => r.Text(Project)).Should().OnlyHaveUniqueItems("one trace per project");
        roots.Values.Count(r => r.GetTagItem(Unfinished) is false).Should().Be(result.Projects.Count);
        children.Should().HaveCount(result.Steps.Count);
        children.Where(s => !roots.TryGetValue(s.TraceId, out var root) || s.ParentSpanId != root.SpanId || s.Text(Project) != root.Text(Project))
            .Should().BeEmpty("every step span hangs off the root span of its own project's trace");
        children.Where(s => s.StartTimeUtc.AddTicks(1) < roots[s.TraceId].StartTimeUtc || s.End() > roots[s.TraceId].End())
            .Should().BeEmpty("a step lies within its project");
        spans.Select(s => s.SpanId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task SpanEnds_AreTheCalendarTimesOfTheStepDoneAndFinishEvents_InTheTraceOfTheSameReplication()
    {
        var trace = await Traces.WriteAsync(_dir.File("two-years.jsonl"), TwoYears);
        var spans = Export(TwoYears);
        var start = trace.Info.Start;

        // One line per step (or segment of a step) done, in a fixed order.
        static string Line(string project, string step, int segment, DateTime end, string date) =>
            $"{project} {step} {segment} {end:O} {date}";
        var done = trace.Events.Where(e => e.Ev == "step-done")
            .Select(e => Line(e.Project!, e.Step!, e.Segment ?? -1, SpanCapture.At(start, e.T), e.Date)).Order(StringComparer.Ordinal);
        var stepSpans = spans.Where(s => !s.IsRoot())
            .Select(s => Line(s.Text(Project), s.Text(Step), s.Segment(), s.End(), s.End().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal);
        stepSpans.Should().Equal(done);
        spans.Where(s => !s.IsRoot()).Should().Contain(s => s.Segment() >= 0, "the cycle path is worked on in segments")
            .And.Contain(s => s.Number(WaitDays) > 0, "some steps wait in a queue");

        var finished = trace.Events.Where(e => e.Ev == "finish").Select(e => $"{e.Project} {SpanCapture.At(start, e.T):O}").Order(StringComparer.Ordinal);
        var roots = spans.Where(s => s.IsRoot()).ToList();
        roots.Where(s => s.GetTagItem(Unfinished) is false).Select(s => $"{s.Text(Project)} {s.End():O}").Order(StringComparer.Ordinal)
            .Should().Equal(finished);
        roots.Where(s => s.GetTagItem(Unfinished) is true).Should().NotBeEmpty()
            .And.OnlyContain(s => s.End() == SpanCapture.At(start, trace.Info.HorizonDays), "a project unfinished at the horizon ends there");
    }

    [Fact]
    public void AStepSpan_RunsFromTheStartOfWorkToDone_AndCarriesTheWaitSinceItWasReady()
    {
        var spans = Export(TwoYears);
        var start = TwoYears.Compile().Start;

        var steps = spans.Where(s => !s.IsRoot()).ToList();
        steps.Where(s => s.End() != SpanCapture.At(start, s.Number(EndDay))
                         || (s.Duration > TimeSpan.FromTicks(1) && s.StartTimeUtc != SpanCapture.At(start, s.Number(StartDay)))
                         || s.Number(WaitDays) != s.Number(StartDay) - s.Number(ReadyDay)
                         || s.Number(WorkDays) != s.Number(EndDay) - s.Number(StartDay)
                         || s.Text(Ready) != new DateTimeOffset(SpanCapture.At(start, s.Number(ReadyDay))).ToString("O", CultureInfo.InvariantCulture))
            .Should().BeEmpty();
    }

    [Fact]
    public void ProjectsAreTracesOfTheirOwn_EvenWhenRecordedWithinAnotherActivity()
    {
        using var outerSource = new ActivitySource("outer");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "outer",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var outer = outerSource.StartActivity("grain call")!;

        var spans = Export(CouncilDecision());

        spans.Should().ContainSingle(s => s.IsRoot()).Which.TraceId.Should().NotBe(outer.TraceId);
        Activity.Current.Should().BeSameAs(outer);
    }

    [Fact]
    public void TwoExportsOfTheSameRun_CarryTheSameIds()
    {
        static List<string> Ids(List<Activity> spans) =>
            [.. spans.Select(s => $"{s.TraceId} {s.SpanId} {s.ParentSpanId} {s.OperationName} {s.StartTimeUtc:O} {s.Duration}")];

        var first = Ids(Export(TwoYears));
        var second = Ids(Export(TwoYears));

        second.Should().Equal(first);
    }

    [Fact]
    public void ChoosingSpanIds_WorksOnThisRuntime_OrFailsLoudly()
    {
        var verify = () => SimulationTelemetry.VerifyIds();

        verify.Should().NotThrow("span ids can only be chosen through the Activity's fields; if a runtime renames them, this and the export fail at start-up");
    }

    [Fact]
    public void ASampler_SeesTheTraceIdsThatAreExported()
    {
        var sampled = new List<(string Name, ActivityTraceId TraceId, ActivitySpanId Parent)>();
        using var sampler = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.Source,
            Sample = (ref ActivityCreationOptions<ActivityContext> o) =>
            {
                lock (sampled)
                {
                    sampled.Add((o.Name, o.TraceId, o.Parent.SpanId));
                }

                return ActivitySamplingResult.AllDataAndRecorded;
            },
        };
        ActivitySource.AddActivityListener(sampler);

        var spans = Export(CouncilDecision());

        spans.Should().NotBeEmpty();
        foreach (var span in spans)
        {
            sampled.Should().Contain((span.OperationName, span.TraceId, span.ParentSpanId),
                $"a sampler deciding on {span.OperationName} saw the trace id and parent it was exported with");
        }
    }

    [Fact]
    public void AnotherReplication_HasOtherTraces()
    {
        var zero = Export(TwoYears, replication: 0).Select(s => s.TraceId).ToHashSet();
        var one = Export(TwoYears, replication: 1).Select(s => s.TraceId).ToHashSet();

        zero.Should().NotIntersectWith(one);
    }
}
