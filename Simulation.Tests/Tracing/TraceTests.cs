using System.IO.Compression;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Tracing;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Tests.Domain;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Tracing;

/// <summary>What a trace holds, in what order, and how it ends.</summary>
public sealed class TraceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ACouncilDecision_IsTracedStepByStep()
    {
        // The town prepares for 3 days (its one person free at once), the council meets every 28 days:
        // decided on day 28 (as in StepKindTests).
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

        var trace = await Traces.WriteAsync(_dir.File("council.jsonl"), Runs.Spec(Runs.Parse(yaml)));

        trace.Complete.Should().BeTrue();
        trace.Info.Agents.Select(a => a.Id).Should().Equal("land", "lk", "town");
        trace.Events.Select(e => (e.T, e.Ev, e.Agent, e.Agency, e.Step, e.Queue, e.Busy)).Should().Equal(
            (0.0, "arrive", "town", null, null, null, null),
            (0.0, "enqueue", "town", "admin", "prepare", 0, 0),
            (0.0, "start", "town", "admin", "prepare", 0, 1),
            (3.0, "end", "town", "admin", "prepare", 0, 0),
            (3.0, "step-done", "town", "admin", "prepare", null, null),
            (3.0, "enqueue", "town", "council", "decide", 1, null),
            (28.0, "session", "town", "council", null, 0, null),
            (28.0, "step-done", "town", "council", "decide", null, null),
            (28.0, "finish", "town", null, "decide", null, null));
        trace.Events.Should().OnlyContain(e => e.Project == null || e.Project == "town/p/law");
        trace.Events[2].Effort.Should().Be(3);
        trace.Events[6].Decided.Should().Be(1);
        trace.Events[7].Days.Should().Be(25, "ready on day 3, decided on day 28");
        trace.Events[8].Lead.Should().Be(28);
        trace.Events.Select(e => e.Date).Distinct().Should().Equal("2025-01-01", "2025-01-04", "2025-01-29");
    }

    [Fact]
    public async Task AnApplicationHeldForItsWindow_IsAdmittedInTheTrace_WhenTheWindowOpens()
    {
        // As StepKindTests.IntakeWindow_HoldsApplicationsUntilItOpens: at the state on day 2, accepted from 1 March (day 59).
        var yaml = StepKindTests.IntakeScenario();

        var trace = await Traces.WriteAsync(_dir.File("window.jsonl"), Runs.Spec(Runs.Parse(yaml)));

        trace.Events.Where(e => e.Agent == "land" && e.Ev is "enqueue" or "start").Select(e => (e.T, e.Ev, e.Held, e.Queue, e.Busy)).Should().Equal(
            (2.0, "enqueue", true, 1, 0),
            (59.0, "enqueue", false, 0, 0),
            (59.0, "start", false, 0, 1));
        var state = new ReplayState(trace);
        state.MoveToTime(30);
        state.Agency("land", "funding").Should().Be((1, 0));
        state.Project("town/p/law")!.UnderWay.Should().Equal("apply: held at funding — land since day 2 until its application window opens");
        state.MoveToTime(60);
        state.Agency("land", "funding").Should().Be((0, 1));
        state.Project("town/p/law")!.UnderWay.Should().Equal("apply: in work at funding — land");
    }

    [Fact]
    public async Task Events_AreInTimeOrder_AndEveryFinishedProjectFinishesInTheTrace()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));
        var trace = await Traces.WriteAsync(_dir.File("year.jsonl"), spec);
        var result = InProcessEngine.Run(spec, spec.Compile(), 0);

        trace.Events.Select(e => e.T).Should().BeInAscendingOrder();
        trace.Events.Count(e => e.Ev == "finish").Should().Be(result.Projects.Count);
        trace.Events.Where(e => e.Ev == "finish").Select(e => e.Lead!.Value).Order()
            .Should().Equal(result.Projects.Select(p => p.LeadTime).Order());
        trace.Events.Where(e => e.Ev == "send").Should().OnlyContain(e => e.Arrives >= e.T + 1, "a file takes at least the lookahead");
    }

    [Fact]
    public async Task AGzippedTrace_HoldsTheSameLines()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 60));
        await Traces.WriteAsync(_dir.File("plain.jsonl"), spec);
        await Traces.WriteAsync(_dir.File("packed.jsonl.gz"), spec);

        using var gz = new GZipStream(File.OpenRead(_dir.File("packed.jsonl.gz")), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await gz.CopyToAsync(unpacked);

        unpacked.ToArray().Should().Equal(await File.ReadAllBytesAsync(_dir.File("plain.jsonl")));
        new FileInfo(_dir.File("packed.jsonl.gz")).Length.Should().BeLessThan(new FileInfo(_dir.File("plain.jsonl")).Length / 5);
    }

    [Fact]
    public async Task ATraceAtItsLimit_StopsTheRun_AndEndsReadably()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));

        var act = () => Traces.WriteAsync(_dir.File("limited.jsonl"), spec, limit: 100_000);

        (await act.Should().ThrowAsync<TraceLimitException>()).WithMessage("*reached its limit of 97.7 KiB at simulated day*--trace-limit*");
        var trace = TraceReader.Read(_dir.File("limited.jsonl"));
        trace.Complete.Should().BeFalse();
        trace.EndReason.Should().Contain("limit");
        new FileInfo(_dir.File("limited.jsonl")).Length.Should().BeInRange(100_000, 101_000, "it stops at the first line past the limit");
    }

    [Fact]
    public async Task TheHeader_ReadsBackAsWritten_EveryField()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 30, Variant: "austerity"));
        var model = spec.Compile();

        var trace = await Traces.WriteAsync(_dir.File("header.jsonl"), spec, replication: 0);

        var written = TraceInfo.Of(model, new TraceHeader(spec.ScenarioFile, spec.ScenarioHash, 0));
        written.Variant.Should().Be("austerity");
        written.Agents.Should().Contain(a => a.Parent == null).And.Contain(a => a.Parent != null);
        written.Processes.SelectMany(p => p.Steps).Should().Contain(s => s.After.Count > 0);
        trace.Info.Should().BeEquivalentTo(written, o => o.WithStrictOrdering());
        trace.Info.ProgramVersion.Should().Be(ProgramVersion.Text);
    }

    [Fact]
    public void AHeaderWithoutAField_IsNamedAsNotATraceLine()
    {
        File.WriteAllText(_dir.File("no-seed.jsonl"), "{\"trace\":\"isdnsim\",\"format\":1,\"scenario\":\"s\",\"file\":\"f\",\"hash\":\"h\",\"variant\":null,\"replication\":0,\"start\":\"2025-01-01\",\"horizon_days\":10,\"agents\":[],\"processes\":[]}\n");
        ((Action)(() => TraceReader.Read(_dir.File("no-seed.jsonl")))).Should().Throw<InvalidDataException>().WithMessage("*no-seed.jsonl:1: not a line of an isdnsim trace*seed*");

        File.WriteAllText(_dir.File("format-2.jsonl"), "{\"trace\":\"isdnsim\",\"format\":2}\n");
        ((Action)(() => TraceReader.Read(_dir.File("format-2.jsonl")))).Should().Throw<InvalidDataException>().WithMessage("*trace format 2; this version reads format 1*");
    }

    [Fact]
    public void ATruncatedFile_IsReadAsIncomplete_AndAGarbledLineIsNamed()
    {
        File.WriteAllText(_dir.File("cut.jsonl"), "{\"trace\":\"isdnsim\",\"format\":1,\"scenario\":\"s\",\"file\":\"f\",\"hash\":\"h\",\"variant\":null,\"seed\":1,\"replication\":0,\"start\":\"2025-01-01\",\"horizon_days\":10,\"agents\":[],\"processes\":[]}\n");
        TraceReader.Read(_dir.File("cut.jsonl")).Should().BeEquivalentTo(new { Complete = false, EndReason = "the file ends without its last line: the run was cut off" });

        // A run killed while writing leaves half a line at the end: the trace ends there.
        File.AppendAllText(_dir.File("cut.jsonl"), "{\"t\":1,\"date\":\"2025-01-02\"");
        TraceReader.Read(_dir.File("cut.jsonl")).Should().BeEquivalentTo(new { Complete = false, EndReason = "line 2 was cut off: the run ended abruptly" });

        // A line that is not a trace line before the end is an error, named.
        File.AppendAllText(_dir.File("cut.jsonl"), "\n{\"t\":2,\"date\":\"2025-01-03\",\"ev\":\"arrive\",\"agent\":\"a\"}\n");
        ((Action)(() => TraceReader.Read(_dir.File("cut.jsonl")))).Should().Throw<InvalidDataException>().WithMessage("*cut.jsonl:2: not a line of an isdnsim trace*");
    }

    [Fact]
    public async Task ACompressedTraceCutOff_IsReadUpToWhereItStops()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 120));
        var whole = await Traces.WriteAsync(_dir.File("whole.jsonl.gz"), spec);
        var bytes = await File.ReadAllBytesAsync(_dir.File("whole.jsonl.gz"));
        await File.WriteAllBytesAsync(_dir.File("cut.jsonl.gz"), bytes[..(bytes.Length / 2)]);

        var cut = TraceReader.Read(_dir.File("cut.jsonl.gz"));

        cut.Complete.Should().BeFalse();
        cut.EndReason.Should().Contain("cut off");
        cut.Events.Count.Should().BeInRange(1, whole.Events.Count - 1);
        cut.Events.Should().Equal(whole.Events.Take(cut.Events.Count));
    }
}
