using System.Text.RegularExpressions;
using IsdnSim.Analysis.Engine;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;
using static IsdnSim.Tests.Support.ScriptedConsole;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// Every command's output on a terminal of 80 × 24 and of 120 × 40: no line wider than the
/// terminal, no word split, no header cut, and the replay's header always on its first two lines.
/// A word is whole when it also appears in the same output on a terminal so wide that nothing
/// wraps; a split word leaves fragments that do not ("municipalit", "ies").
/// </summary>
public sealed partial class TerminalLayoutTests : CliTest
{
    private const int Wide = 400;

    // What only a narrow terminal says: the columns it left out, the queues and steps it did not show.
    private static readonly HashSet<string> NarrowOnly = Words(
        "Left out at 80 120 columns: (the result files have them; a wider terminal shows them). " +
        "the 1 2 3 4 5 6 7 8 9 10 11 longest shown and more step steps (a taller terminal shows them)");

    private readonly string _teaching = Repository.Scenario("teaching.yaml");

    private async Task<string> At(int width, params string[] args)
    {
        var output = new StringWriter();
        var exit = await IsdnSimApp.RunAsync(args, new Consoles(Consoles.Fixed(output, width), Err));
        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        return output.ToString();
    }

    private static string[] LinesOf(string text) => text.Replace("\r", "").TrimEnd('\n').Split('\n');

    /// <summary>The words of a text: split at spaces and box lines, without the punctuation around them; a word cut with "…" is left out.</summary>
    private static HashSet<string> Words(string text) =>
        [.. BoxOrSpace().Split(text).Select(w => w.Trim('(', ')', '[', ']', ',', ';', ':', '.', '"', '\''))
            .Where(w => w.Length > 0 && !w.EndsWith('…'))];

    private static void ShouldFit(string narrow, string wide, int width)
    {
        LinesOf(narrow).Should().OnlyContain(l => l.Length <= width, $"every line fits {width} columns:\n{narrow}");
        Words(narrow).Except(Words(wide)).Except(NarrowOnly).Should().BeEmpty($"no word is split at {width} columns:\n{narrow}");
    }

    /// <summary>The output up to the lines that name the result folder (they say how long the run took, which differs between runs).</summary>
    private static string Figures(string output) => output[..output.IndexOf("Results in", StringComparison.Ordinal)];

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task Run_Summary_FitsTheTerminal_WithWordsAndHeadersWhole(int width)
    {
        string[] run = ["run", _teaching, "--replications", "3", "--horizon", "1y", "--engine", "inprocess", "--no-progress"];
        var narrow = Figures(await At(width, [.. run, "--out", Dir.File($"narrow-{width}")]));
        var wide = Figures(await At(Wide, [.. run, "--out", Dir.File($"wide-{width}")]));

        ShouldFit(narrow, wide, width);
        narrow.Should().NotContain("…", "a header or a cell is never cut");
        narrow.Should().Contain("Process").And.Contain("Organisation").And.Contain("Utilisation");
        wide.Should().NotContain("Left out at", "a wide terminal shows every column");
    }

    [Fact]
    public async Task Run_AtEightyColumns_LeavesOutTheLeastImportantColumns_AndSaysWhich()
    {
        var narrow = await At(80, "run", _teaching, "--replications", "3", "--horizon", "1y", "--engine", "inprocess", "--no-progress", "--out", Dir.File("r"));

        var left = LinesOf(narrow).Where(l => l.StartsWith("Left out at 80 columns: ", StringComparison.Ordinal)).ToList();
        left.Should().NotBeEmpty();
        left.Should().OnlyContain(l => !l.Contains("Lead time mean", StringComparison.Ordinal), "the lead time is always shown");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task Compare_FitsTheTerminal_AndCallsTheBaselineStatusQuo(int width)
    {
        string[] compare = ["compare", _teaching, "--variants", "status-quo,democratisation", "--replications", "3", "--horizon", "1y", "--engine", "inprocess", "--no-progress"];
        var narrow = await At(width, [.. compare, "--out", Dir.File($"narrow-{width}")]);
        var wide = await At(Wide, [.. compare, "--out", Dir.File($"wide-{width}")]);
        var table = (string text) => text[..text.IndexOf("Results and report in", StringComparison.Ordinal)];

        ShouldFit(table(narrow), table(wide), width);
        Regex.Replace(table(wide), @"\s+", " ").Should().Contain("Variants against status quo").And.Contain("democratisation − status quo");
        table(wide).Should().NotContain("status-quo", "the terminal names the variant in words");
    }

    /// <summary>The keys of a session: steps, weeks, following the lesson's Kita, its events, an unknown key.</summary>
    private static List<ConsoleKeyInfo> Session()
    {
        var keys = new List<ConsoleKeyInfo> { Key(ConsoleKey.RightArrow), Key(ConsoleKey.RightArrow), Key(ConsoleKey.RightArrow) };
        keys.AddRange(Enumerable.Repeat(Key(ConsoleKey.PageDown), 15));
        keys.Add(Key(ConsoleKey.F, 'f'));
        keys.AddRange(Typed("seeburg/kita-site/0"));
        keys.AddRange([Key(ConsoleKey.N, 'n'), Key(ConsoleKey.N, 'n'), Key(ConsoleKey.PageDown), Key(ConsoleKey.PageDown), Key(ConsoleKey.PageDown)]);
        keys.AddRange(Enumerable.Repeat(Key(ConsoleKey.PageDown), 6));
        keys.AddRange([Key(ConsoleKey.X, 'x'), Key(ConsoleKey.Q, 'q')]);
        return keys;
    }

    private async Task<string> Trace()
    {
        var trace = Dir.File("teaching.jsonl");
        if (!File.Exists(trace))
        {
            await At(Wide, "run", _teaching, "--replications", "1", "--variant", "status-quo", "--engine", "inprocess", "--trace", trace, "--out", Dir.File("traced"), "--no-progress");
        }

        return trace;
    }

    private async Task<string[]> Screens(int width, int height)
    {
        var output = new StringWriter();
        var exit = await IsdnSimApp.RunAsync(["replay", await Trace()], new Consoles(new ScriptedConsole(output, Session(), width, height), Err));
        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        return [.. output.ToString().Split(ScreenMarker).Skip(1).Select(s => s.TrimStart('\n'))];
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Replay_EveryScreenFitsTheTerminal_WithItsHeaderOnTop(int width, int height)
    {
        var screens = await Screens(width, height);
        var wide = await Screens(Wide, 200);
        var keys = string.Join(" ", ReplayView.KeyHelp);

        screens.Should().HaveCount(Session().Count - 20, "one at the start and one after each key but the last; the project typed after f (19 keys and Enter) is part of f");
        foreach (var screen in screens)
        {
            var lines = LinesOf(screen);
            lines.Length.Should().BeLessThanOrEqualTo(height - 1, $"the cursor's line is the last; more would scroll the header away:\n{screen}");
            lines[0].Should().Be("Teaching district (Landkreis Seeblick), variant status quo, replication 0");
            lines[1].Should().MatchRegex(@"^\d{4}-\d{2}-\d{2} \(day [0-9.]+\), event [0-9,]+ of [0-9,]+$");
            lines.Should().Contain(l => ReplayView.KeyHelp.Contains(l), "the key help on one line");
            lines.Where(l => l.Contains("Queues at this moment", StringComparison.Ordinal)).All(l => l.Contains("agencies with work", StringComparison.Ordinal)).Should().BeTrue($"a title keeps to one line:\n{screen}");
            lines.Where(l => l.Contains("Following", StringComparison.Ordinal)).All(l => l.Contains("Following seeburg/kita-site/0", StringComparison.Ordinal)).Should().BeTrue($"the panel's header is whole:\n{screen}");
        }

        ShouldFit(string.Join("\n", screens), string.Join("\n", wide) + " " + keys, width);
        screens.Should().Contain(s => s.Contains("What happened last", StringComparison.Ordinal) && s.Contains("Queues at this moment", StringComparison.Ordinal) && s.Contains("Following seeburg/kita-site/0", StringComparison.Ordinal),
            "even 80 × 24 shows the events, the queues and the followed project together");
        string.Join("\n", screens).Should().Contain("?: ", "an unknown key shows the keys");
    }

    [Fact]
    public async Task Replay_KeyHelp_FitsEachWidthOnOneLine()
    {
        foreach (var width in new[] { 40, 60, 80, 100, 120, 200 })
        {
            ReplayView.Keys(width).Length.Should().BeLessThan(width);
        }

        ReplayView.Keys(200).Should().Be(ReplayView.KeyHelp[0]);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public async Task Progress_TheBarStaysOnOneLine(int width)
    {
        var output = new StringWriter();
        await ProgressDisplay.RunAsync(Consoles.Fixed(output, width, terminal: true), show: true, "Simulating on Orleans, embedded silo", async progress =>
        {
            foreach (var done in new[] { 0, 7, 30 })
            {
                progress!.Report(new ExperimentProgress(done / 30.0, done, 30, 1_234_567L * done));
                await Task.Delay(250);
            }
        });

        var drawn = LinesOf(Ansi().Replace(output.ToString(), "\n")).Where(l => l.Trim().Length > 0).ToList();
        drawn.Should().NotBeEmpty();
        drawn.Should().OnlyContain(l => l.Length <= width, $"at {width} columns:\n{string.Join('\n', drawn)}");
        drawn.Should().Contain(l => l.Contains("30/30", StringComparison.Ordinal), "the counts are shown");
    }

    [Fact]
    public void Progress_Description_KeepsTheCountsBeforeTheTitle()
    {
        var p = new ExperimentProgress(0.5, 15, 30, 123_456_789);

        ProgressDisplay.Description("Simulating on Orleans, embedded silo", p, 200).Should().Be("Simulating on Orleans, embedded silo: 15/30 replications, 123,456,789 events");
        ProgressDisplay.Description("Simulating on Orleans, embedded silo", p, 80).Should().Contain("15/30");
        ProgressDisplay.Description("Simulating on Orleans, embedded silo", p, 40).Should().Contain("15/30");
    }

    [Fact]
    public void FittedTable_KeepsWordsWhole_AndLeavesOutColumnsByImportance()
    {
        var table = new FittedTable("Projects")
            .AddColumn("Process").AddColumn("Lead time mean [d]").AddColumn("Median [d]", drop: 2).AddColumn("In progress (mean)", drop: 1);
        table.AddRow("Cycle path across municipalities (Radweg)", "465.2 ± 56.4", "465.2 ± 56.4", "0.9 ± 0.7");

        // Narrowest: Process 14 ("municipalities"), Lead time 6 ("± 56.4"), Median 6, In progress 8 ("progress");
        // with borders 4 × 3 + 1: 47 columns, 38 without the median, 27 without the work in progress too.
        table.Fit(47).Left.Should().BeEmpty();
        table.Fit(40).Left.Should().Equal("Median [d]");
        var layout = table.Fit(30);

        layout.Left.Should().Equal("Median [d]", "In progress (mean)");
        FittedTable.TableWidth(layout.Widths).Should().BeLessThanOrEqualTo(30);
        layout.Widths[0].Should().BeGreaterThanOrEqualTo("municipalities".Length);
        TextWrap.Lines("Cycle path across municipalities (Radweg)", layout.Widths[0]).Should().OnlyContain(l => !l.EndsWith("municipalit", StringComparison.Ordinal));
        TextWrap.Lines("90.0 % ± 9.0 pp", 8).Should().Equal("90.0 %", "± 9.0 pp");
        table.Fit(120).Left.Should().BeEmpty();
    }

    [GeneratedRegex(@"[\s│┌┐└┘├┤┬┴┼─━╭╮╰╯]+")]
    private static partial Regex BoxOrSpace();

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\r")]
    private static partial Regex Ansi();
}
