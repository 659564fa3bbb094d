using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;
using static IsdnSim.Tests.Support.ScriptedConsole;

namespace IsdnSim.Tests.Cli;

/// <summary>isdnsim replay in the terminal: one moment for scripts, and stepping with the keyboard.</summary>
public sealed class ReplayCliTests : CliTest
{
    private readonly string _trace;

    public ReplayCliTests()
    {
        _trace = Dir.File("teaching.jsonl");
        var exit = IsdnSimApp.RunAsync(["run", Repository.Scenario("teaching.yaml"), "--replications", "1", "--horizon", "1y", "--engine", "inprocess",
            "--trace", _trace, "--out", Dir.File("results"), "--no-progress"], Consoles.Plain(new StringWriter(), Err)).GetAwaiter().GetResult();
        exit.Should().Be(ExitCodes.Ok, Err.ToString());
    }

    private static string FirstKita(string trace) =>
        IsdnSim.Presentation.Tracing.TraceReader.Read(trace).Events.First(e => e.Ev == "arrive" && e.Project!.Contains("/kita-site/", StringComparison.Ordinal)).Project!;

    [Fact]
    public async Task At_PrintsTheMoment_AndWhereTheFollowedProjectIs()
    {
        var kita = FirstKita(_trace);
        var state = new IsdnSim.Presentation.Tracing.ReplayState(IsdnSim.Presentation.Tracing.TraceReader.Read(_trace));
        state.MoveToDate(new DateOnly(2025, 9, 1));
        var place = state.Project(kita)!;

        var exit = await Isdnsim(["replay", _trace, "--at", "2025-09-01", "--project", kita]);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("Teaching district (Landkreis Seeblick), as written, replication 0 2025-09-01 (day 243)").And.Contain("Queues at this moment").And.Contain($"Following {kita}");
        var inPanel = string.Join(' ', Output.Replace("│", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var line in place.UnderWay)
        {
            inPanel.Should().Contain(line, "every step under way is shown");
        }

        Output.Should().Contain(place.Finish is null ? $"under way for {243 - place.Arrival:0.#} days" : "finished on");
    }

    [Fact]
    public async Task TheKeyboard_StepsForwardAndBack_JumpsToADate_AndFollowsAProject()
    {
        var kita = FirstKita(_trace);
        var keys = new List<ConsoleKeyInfo>
        {
            Key(ConsoleKey.RightArrow), Key(ConsoleKey.RightArrow), Key(ConsoleKey.LeftArrow),
            Key(ConsoleKey.G, 'g'),
        };
        keys.AddRange(Typed("2025-06-01"));
        keys.Add(Key(ConsoleKey.F, 'f'));
        keys.AddRange(Typed(kita));
        keys.Add(Key(ConsoleKey.N, 'n'));
        keys.Add(Key(ConsoleKey.Q, 'q'));
        var console = new ScriptedConsole(Out, keys);

        var exit = await IsdnSimApp.RunAsync(["replay", _trace], new Consoles(console, Err));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var screens = Out.ToString().Split("=== screen ===");
        screens.Should().HaveCount(8, "one screen at the start and one after each command but the last");
        screens[1].Should().Contain("event 0 of");
        screens[2].Should().Contain("event 1 of");
        screens[3].Should().Contain("event 2 of");
        screens[4].Should().Contain("event 1 of");
        screens[5].Should().Contain("2025-06-01 (day 151)");
        screens[6].Should().Contain($"Following {kita}");
        screens[7].Should().Contain($"Following {kita}").And.Contain(kita.Split('/')[0]);
    }

    [Theory]
    [InlineData(new[] { "--at", "01.06.2025" }, "--at: expected a date as YYYY-MM-DD")]
    [InlineData(new[] { "--compare", "x.jsonl" }, "--compare goes with --html")]
    [InlineData(new[] { "--project", "seeburg/kita-sit/0" }, "no project 'seeburg/kita-sit/0'")]
    public async Task BadOptions_ExitWith2(string[] options, string message)
    {
        var exit = await Isdnsim(["replay", _trace, .. options]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message);
    }

    [Fact]
    public async Task Html_WritesASelfContainedPage_AndCompareNeedsTheSameRun()
    {
        var other = Dir.File("democratisation.jsonl");
        (await IsdnSimApp.RunAsync(["run", Repository.Scenario("teaching.yaml"), "--replications", "1", "--horizon", "1y", "--variant", "democratisation",
            "--engine", "inprocess", "--trace", other, "--out", Dir.File("results-2"), "--no-progress"], Consoles.Plain(new StringWriter(), Err))).Should().Be(ExitCodes.Ok);
        var mmc = Dir.File("mmc.jsonl");
        (await IsdnSimApp.RunAsync(["run", Repository.Scenario("mmc.yaml"), "--replications", "1", "--horizon", "10d", "--engine", "inprocess",
            "--trace", mmc, "--out", Dir.File("results-3"), "--no-progress"], Consoles.Plain(new StringWriter(), Err))).Should().Be(ExitCodes.Ok);

        (await Isdnsim(["replay", _trace, "--compare", other, "--html", Dir.File("page.html")])).Should().Be(ExitCodes.Ok, Err.ToString());
        var page = await File.ReadAllTextAsync(Dir.File("page.html"));
        page.Should().Contain("democratisation").And.NotContain("http://").And.NotContain("https://");
        Output.Should().Contain("Replay page in");

        (await Isdnsim(["replay", _trace, "--html", Dir.File("page.html")])).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("already exists");
        (await Isdnsim(["replay", _trace, "--compare", mmc, "--html", Dir.File("other.html")])).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("--compare needs a trace of the same scenario file, seed and replication");
        File.Exists(Dir.File("other.html")).Should().BeFalse();
    }

    [Fact]
    public async Task WithoutATerminal_ItSaysWhatToDoInstead()
    {
        var exit = await Isdnsim(["replay", _trace]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("needs a terminal; print one moment with --at YYYY-MM-DD, or write a page with --html FILE");
    }

    [Fact]
    public async Task ANonTrace_IsRefusedWithTheLine()
    {
        File.WriteAllText(Dir.File("not.jsonl"), "hello\n");

        var exit = await Isdnsim(["replay", Dir.File("not.jsonl"), "--at", "2025-01-01"]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("not.jsonl:1: not a line of an isdnsim trace");
    }
}
