using System.Text.RegularExpressions;
using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Tracing;

/// <summary>
/// docs/lesson-replay.md walks through one project in two traces of scenarios/teaching.yaml. The
/// dates and days it quotes are checked here, so that the lesson stays true (or this fails, and
/// the lesson is updated with the program).
/// </summary>
public sealed partial class LessonTests : IDisposable
{
    private const string Kita = "seeburg/kita-site/0";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<TraceFile> TraceAsync(string variant) =>
        await Traces.WriteAsync(_dir.File($"{variant}.jsonl"), Runs.Spec(Runs.Load("teaching.yaml"), new ScenarioOverrides(Replications: 1, Variant: variant)));

    /// <summary>Days the Kita site was in someone's work on its critical chain (start to end of its steps; the operating permit ran beside the building).</summary>
    private static double WorkDays(TraceFile trace)
    {
        var started = new Dictionary<string, double>();
        var work = 0.0;
        foreach (var e in trace.Events.Where(e => e.Project == Kita && e.Work == "step" && e.Step != "operating-permit"))
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
        trace.Events.Single(e => e.Project == Kita && e.Ev == "end" && e.Agency == "youth").Date.Should().Be("2025-07-14", "twelve days after it lapsed");
        Event(trace, "step-done", "building-permit").Should().BeEquivalentTo(new { Date = "2025-07-16", Agent = "lk-seeblick" }, o => o.ExcludingMissingMembers());
        Event(trace, "step-done", "building-permit").Days!.Value.Should().BeApproximately(13, 0.5);
        Event(trace, "step-done", "county-decision").Date.Should().Be("2025-08-13");
        Event(trace, "step-done", "county-decision").Days!.Value.Should().BeApproximately(27, 0.5);
        trace.Events.Single(e => e.Ev == "session" && e.Agency == "kreistag" && e.Date == "2025-08-13").Decided.Should().Be(2, "Seeburg's and Birkenwerder's Kitas");
        Event(trace, "step-done", "operating-permit").Date.Should().Be("2025-09-04");
        Event(trace, "step-done", "permit-review").Date.Should().Be("2025-11-15");
        Event(trace, "start", "build").Date.Should().Be("2025-11-04");
        (Event(trace, "start", "build").T - Event(trace, "enqueue", "build").T).Should().BeApproximately(82, 0.5);
        Event(trace, "end", "build").Date.Should().Be("2025-12-31");
        Event(trace, "finish").Date.Should().Be("2026-01-06");
        Event(trace, "finish").Lead!.Value.Should().BeApproximately(273, 0.1);
        WorkDays(trace).Should().BeApproximately(81, 0.5, "the lesson says 81 of the 273 days are work");

        var state = new ReplayState(trace);
        state.MoveToDate(new DateOnly(2025, 6, 25));
        state.Project(Kita)!.UnderWay.Should().Equal("needs-coordination: consultation: 1 of 2 answered; the deadline for statements ends on day 182");
        state.MoveToDate(new DateOnly(2025, 8, 1));
        state.Project(Kita)!.UnderWay.Should().Equal("county-decision: waiting for the session of Kreistag (district council) — Landkreis Seeblick since day 196.7, 2 on the agenda then");
        state.MoveToDate(new DateOnly(2025, 9, 1));
        state.Project(Kita)!.UnderWay.Should().Equal(
            "build: waiting at Projektentwicklung (development) — Wohnungsbaugesellschaft Seeburg since day 226 for its staff to be free",
            "operating-permit: in work at Ministerium für Bildung, Jugend und Sport, Kita-Aufsicht (operating permits) — Land Brandenburg",
            "permit-review: legal period at Ministerium für Bildung, Jugend und Sport, Kita-Aufsicht (operating permits) — Land Brandenburg until day 318.3");
        state.MoveToDate(new DateOnly(2025, 11, 10));
        state.Project(Kita)!.UnderWay.Should().Equal(
            "build: in work at Projektentwicklung (development) — Wohnungsbaugesellschaft Seeburg",
            "opening: at Seeburg (Kreisstadt) since day 249.9, waiting for the other steps",
            "permit-review: legal period at Ministerium für Bildung, Jugend und Sport, Kita-Aufsicht (operating permits) — Land Brandenburg until day 318.3");
    }

    [Fact]
    public async Task TheDemocratisationStory_IsWhatTheTraceSays()
    {
        var trace = await TraceAsync("democratisation");

        Event(trace, "meeting").Date.Should().Be("2025-06-18");
        Event(trace, "step-done", "needs-coordination").Days.Should().Be(28);
        Event(trace, "step-done", "building-permit").Should().BeEquivalentTo(new { Date = "2025-06-29", Agent = "seeburg" }, o => o.ExcludingMissingMembers());
        Event(trace, "step-done", "building-permit").Days!.Value.Should().BeApproximately(11, 0.1);
        trace.Events.Should().Contain(e => e.Project == Kita && e.Ev == "end" && e.Work == "support" && e.Agent == "lk-seeblick", "the district does a share as a service");
        Event(trace, "step-done", "county-decision").Date.Should().Be("2025-08-13");
        Event(trace, "step-done", "county-decision").Days!.Value.Should().BeApproximately(43, 0.1);
        (Event(trace, "enqueue", "county-decision").T - 196.72).Should().BeApproximately(-16, 0.5, "ready for the Kreistag 16 days sooner than in the status quo");
        trace.Events.Single(e => e.Ev == "session" && e.Agency == "kreistag" && e.Date == "2025-08-13").Decided.Should().Be(2, "Seeburg's and Birkenwerder's Kitas");
        var atTheDeveloper = trace.Events.Where(e => e.Ev == "enqueue" && e.Agent == "wohnbau-seeburg" && e.Date == "2025-08-15").Select(e => e.Project).ToList();
        atTheDeveloper.Should().Equal("birkenwerder/kita-site/0", Kita);
        var build = Event(trace, "start", "build");
        (build.T - Event(trace, "enqueue", "build").T).Should().BeApproximately(82, 0.5);
        Event(trace, "step-done", "build").Days!.Value.Should().BeApproximately(82 + 57, 0.5);
        Event(trace, "finish").Date.Should().Be("2026-01-07");
        Event(trace, "finish").Lead!.Value.Should().BeApproximately(273, 0.2);

        var state = new ReplayState(trace);
        state.MoveToDate(new DateOnly(2025, 6, 15));
        state.Project(Kita)!.UnderWay.Should().Equal("needs-coordination: waiting for the working group's meeting on day 168 (consultation of 2)");
        state.MoveToDate(new DateOnly(2025, 8, 1));
        state.Project(Kita)!.UnderWay.Should().Equal("county-decision: waiting for the session of Kreistag (district council) — Landkreis Seeblick since day 181, 2 on the agenda then");
    }

    /// <summary>What <c>isdnsim replay TRACE --at DATE --project</c> prints on a terminal too wide to wrap anything.</summary>
    private static async Task<string> ReplayAtAsync(string trace, string date)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await IsdnSimApp.RunAsync(["replay", trace, "--at", date, "--project", Kita], new Consoles(Consoles.Fixed(output, 1000), errors));
        exit.Should().Be(ExitCodes.Ok, errors.ToString());
        return output.ToString();
    }

    /// <summary>
    /// The lesson quotes the screen: every line quoted in a row of its tables that starts with a
    /// date (YYYY-MM-DD) is on the screen of that date, and every agency it names ("Bauamt —
    /// Seeburg (Kreisstadt)") is an agency of the trace, as the replay names it. The first table
    /// follows the status quo, the second democratisation.
    /// </summary>
    [Fact]
    public async Task TheLessonsQuotes_AreWhatTheReplayShows()
    {
        var lesson = File.ReadAllText(Path.Combine(Repository.Root, "docs", "lesson-replay.md"));
        var sections = lesson.Split("\n## ");
        var checkedLines = 0;
        foreach (var (variant, heading) in new[] { ("status-quo", "2. "), ("democratisation", "3. ") })
        {
            var section = sections.Single(x => x.StartsWith(heading, StringComparison.Ordinal));
            var trace = await TraceAsync(variant);
            var names = new TraceNames(trace.Info);
            var labels = trace.Info.Agents.SelectMany(a => a.Agencies.Select(g => names.Agency(a.Id, g.Id))).ToHashSet();
            foreach (var row in section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
            {
                var quotes = Quoted().Matches(row).Select(m => m.Groups[1].Value).Where(q => !q.Contains('/', StringComparison.Ordinal) || q.Contains(": ", StringComparison.Ordinal)).ToList();
                if (IsoDate().Match(row) is { Success: true } date)
                {
                    var screen = await ReplayAtAsync(_dir.File($"{variant}.jsonl"), date.Groups[1].Value);
                    foreach (var quote in quotes)
                    {
                        screen.Should().Contain(quote, $"the lesson quotes the screen of {date.Groups[1].Value} ({variant})");
                        checkedLines++;
                    }
                }
                else
                {
                    foreach (var quote in quotes.Where(q => q.Contains(" — ", StringComparison.Ordinal)))
                    {
                        labels.Should().Contain(quote, $"the lesson names an agency as the replay does ({variant})");
                        checkedLines++;
                    }
                }
            }
        }

        checkedLines.Should().BeGreaterThanOrEqualTo(12);
    }

    /// <summary>The examples in replay's help name the lesson's traces, a project in them, and a day of their horizon.</summary>
    [Fact]
    public async Task TheHelpsExamples_NameAProjectOfTheLessonsTraces()
    {
        var trace = await TraceAsync("status-quo");
        var output = new StringWriter();
        (await IsdnSimApp.RunAsync(["replay", "--help"], new Consoles(Consoles.Fixed(output, 1000), new StringWriter()))).Should().Be(ExitCodes.Ok);
        var help = output.ToString();
        var projects = ProjectId().Matches(help).Select(m => m.Value).Distinct().ToList();
        var dates = DateOption().Matches(help).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        projects.Should().NotBeEmpty().And.OnlyContain(p => trace.Events.Any(e => e.Ev == "arrive" && e.Project == p), "a project of the lesson's trace");
        dates.Should().NotBeEmpty().And.OnlyContain(d => d >= trace.Info.Start && d.DayNumber - trace.Info.Start.DayNumber <= trace.Info.HorizonDays);
        help.Should().Contain("traces/status-quo.jsonl", "the trace the lesson writes");
    }

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\| (\d{4}-\d{2}-\d{2}) \|")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b[a-z][a-z-]*/[a-z][a-z-]*/\d+\b")]
    private static partial Regex ProjectId();

    [GeneratedRegex(@"--at (\d{4}-\d{2}-\d{2})")]
    private static partial Regex DateOption();
}
