using System.Globalization;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Presentation.Tracing.Replay;
using IsdnSim.Tests.Support;
using Microsoft.Playwright;

namespace IsdnSim.Tests.Tracing;

/// <summary>
/// The replay page in headless Chromium, driven as a student would: pick a project, play and
/// pause, move the cursor to a date; what the page shows there must be what the trace says.
/// Playwright drives the Chromium of the system (never a browser of its own).
/// </summary>
public sealed class ReplayBrowserTests(RuralDistrictYear year) : IClassFixture<RuralDistrictYear>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [ChromiumFact]
    public async Task AProjectAndTheQueues_ShowWhatTheTraceSays_AtTheCursor()
    {
        var trace = year.AsWritten;
        var facts = new TraceFacts(trace);

        // A project that is in work for a while, waits for a council session and finishes; not the page's default.
        var (project, work, council, finish) = trace.Events.Where(e => e.Ev == "finish").OrderBy(e => e.Lead)
            .Select(f => (f.Project!, Work: facts.LongestWork(f.Project!), Council: facts.FirstCouncilWait(f.Project!), Finish: f))
            .First(x => x.Work is not null && x.Council is not null);
        var workDay = (int)Math.Ceiling(work!.Start.T);
        var councilDay = (int)Math.Ceiling(council!.Start.T);
        var finishDay = (int)Math.Ceiling(finish.T);

        // The agency with the most queue changes, on the day its queue is longest.
        var (agent, agency) = facts.BusiestAgency();
        var busyDay = Enumerable.Range(1, 364).MaxBy(d => facts.QueueAt(agent, agency, d).Queue);
        var (queue, busy) = facts.QueueAt(agent, agency, busyDay);
        queue.Should().BeGreaterThan(0);

        var file = _dir.File("replay.html");
        await File.WriteAllTextAsync(file, ReplayPage.Build(trace));
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await OpenAsync(browser, file);

        await page.SelectOptionAsync("#project", project);
        (await page.TextContentAsync("#summary")).Should().Contain(facts.Date(finish.T)).And.Contain(facts.AgentName(project.Split('/')[0]));

        var before = await page.TextContentAsync("#date");
        before.Should().Be(facts.Date(facts.Arrival(project)), "the cursor goes to the project's arrival, unless it is already within the project's time");
        await page.ClickAsync("#play");
        await page.WaitForTimeoutAsync(800);
        await page.ClickAsync("#play");
        var paused = await page.TextContentAsync("#date");
        paused.Should().MatchRegex(@"^\d{4}-\d\d-\d\d$").And.NotBe(before, "the cursor moved while playing");
        await page.WaitForTimeoutAsync(300);
        (await page.TextContentAsync("#date")).Should().Be(paused, "it stands still when paused");

        await page.FillAsync("#jump", facts.Date(workDay));
        (await page.TextContentAsync("#date")).Should().Be(facts.Date(workDay));
        (await page.GetAttributeAsync("#state", "data-state")).Should().Contain("work");
        (await page.TextContentAsync("#state")).Should().Contain($"in work at {facts.AgencyName(work.Start.Agent, work.Start.Agency!)}");

        await page.FillAsync("#scrub", councilDay.ToString(CultureInfo.InvariantCulture));
        (await page.TextContentAsync("#date")).Should().Be(facts.Date(councilDay));
        (await page.TextContentAsync("#state")).Should().Contain($"waiting for the council session ({facts.AgencyName(council.Start.Agent, council.Start.Agency!)})");

        await page.FillAsync("#jump", facts.Date(finishDay));
        (await page.GetAttributeAsync("#state", "data-state")).Should().Be("finished");
        (await page.TextContentAsync("#state")).Should().Contain($"finished on {facts.Date(finish.T)}");

        await page.FillAsync("#jump", facts.Date(busyDay));
        var row = $"#queues tr[data-agency='{agent}/{agency}']";
        (await page.TextContentAsync(row + " td.queue")).Should().Be(queue.ToString(CultureInfo.InvariantCulture));
        (await page.TextContentAsync(row + " td.busy")).Should().Be(busy.ToString(CultureInfo.InvariantCulture));

        // The terminal replay (ReplayState) shows the same moment the same way, midnight events included.
        var terminal = new ReplayState(trace);
        foreach (var day in new[] { busyDay, councilDay, workDay })
        {
            terminal.MoveToTime(day);
            await page.FillAsync("#jump", facts.Date(day));
            (await page.TextContentAsync(row + " td.queue")).Should().Be(terminal.Agency(agent, agency).Queue.ToString(CultureInfo.InvariantCulture), $"day {day}");
        }

        terminal.MoveToTime(councilDay);
        terminal.Project(project)!.UnderWay.Should().ContainSingle().Which.Should().Contain("waiting for the session of");
        terminal.MoveToTime(finishDay);
        terminal.Project(project)!.Finish.Should().Be(finish.T);

        (await page.Locator("#timeline svg.gantt .bar").CountAsync()).Should().BeGreaterThan(0);
        (await page.Locator("#queue-chart svg.queue-chart .queue-row").CountAsync()).Should().BeInRange(1, 10);
        errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task SideBySide_ShowsTheProjectUnderBothTraces()
    {
        var file = _dir.File("side-by-side.html");
        await File.WriteAllTextAsync(file, ReplayPage.Build(year.AsWritten, year.Democratisation));
        await using var browser = await Browser.LaunchAsync();
        var (page, errors) = await OpenAsync(browser, file);

        await page.FillAsync("#jump", "2025-06-01");

        (await page.Locator("#timeline svg.gantt").CountAsync()).Should().Be(2);
        (await page.Locator("#state p[data-run]").CountAsync()).Should().Be(2);
        (await page.TextContentAsync("#run")).Should().Contain("as written").And.Contain("democratisation");
        (await page.Locator("#queues tbody tr").First.Locator("td.queue").CountAsync()).Should().Be(2);
        errors.Should().BeEmpty();
    }

    private static async Task<(IPage Page, List<string> Errors)> OpenAsync(Browser browser, string file)
    {
        var page = await browser.Context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return (page, errors);
    }

    /// <summary>Playwright with the system's Chromium; disposing it closes both.</summary>
    private sealed class Browser(IPlaywright playwright, IBrowser browser, IBrowserContext context) : IAsyncDisposable
    {
        public IBrowserContext Context { get; } = context;

        public static async Task<Browser> LaunchAsync()
        {
            var executable = Chromium.Executable ?? throw new InvalidOperationException("chromium is not on the PATH (apt-get install chromium).");
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            return new Browser(playwright, browser, context);
        }

        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
