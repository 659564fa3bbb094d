using System.ComponentModel;
using System.Globalization;
using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Presentation.Tracing.Replay;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Replays a trace: step through it in the terminal (keyboard, works over SSH), print one moment
/// (--at, for scripts and lessons), or write a self-contained page for the browser (--html).
/// </summary>
public sealed class ReplayCommand(Consoles consoles) : Command<ReplayCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TRACE>")]
        [Description("A trace written by 'isdnsim run --trace' (.jsonl or .jsonl.gz).")]
        public string Trace { get; init; } = "";

        [CommandOption("--at <DATE>")]
        [Description("Print the moment at the start of this day (YYYY-MM-DD, within the run's horizon) and exit, instead of stepping through it.")]
        public string? At { get; init; }

        [CommandOption("--project <ID>")]
        [Description("Follow this project (e.g. heidestadt/cycle-path/0): where it is, what it waits for.")]
        public string? Project { get; init; }

        [CommandOption("--html <FILE>")]
        [Description("Write a self-contained page to FILE: the project's timeline, queues over time, play and scrub.")]
        public string? Html { get; init; }

        [CommandOption("--compare <TRACE>")]
        [Description("With --html: a second trace of the same scenario (another variant), shown side by side.")]
        public string? Compare { get; init; }

        public override ValidationResult Validate()
        {
            if (Compare is not null && Html is null)
            {
                return ValidationResult.Error("--compare goes with --html");
            }

            if (Html is not null && At is not null)
            {
                return ValidationResult.Error("--at prints a moment in the terminal; the page has its own cursor (give one of --at and --html)");
            }

            return At is not null && !DateOnly.TryParseExact(At, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? ValidationResult.Error($"--at: expected a date as YYYY-MM-DD, found '{At}'")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (Load(settings.Trace) is not { } trace)
        {
            return ExitCodes.BadInput;
        }

        if (settings.Project is { } project && !trace.Events.Any(e => e.Project == project))
        {
            var projects = trace.Events.Where(e => e.Ev == "arrive").Select(e => e.Project!).Distinct();
            consoles.Errors.WriteLine($"isdnsim: error: --project: no project '{UserText.Shorten(project)}' in {UserText.Shorten(settings.Trace)}{DidYouMean.Hint(project, projects)}");
            return ExitCodes.BadInput;
        }

        if (settings.At is { } day && OutsideHorizon(trace.Info, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)) is { } outside)
        {
            consoles.Errors.WriteLine($"isdnsim: error: --at: {outside}");
            return ExitCodes.BadInput;
        }

        if (settings.Html is { } html)
        {
            return WritePage(trace, settings, html);
        }


        var state = new ReplayState(trace);
        if (settings.At is { } at)
        {
            state.MoveToDate(DateOnly.ParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            consoles.Out.Write(ReplayView.Render(state, settings.Project));
            return ExitCodes.Ok;
        }

        if (!consoles.Out.Profile.Capabilities.Interactive)
        {
            consoles.Errors.WriteLine("isdnsim: error: stepping through a trace needs a terminal; print one moment with --at YYYY-MM-DD, or write a page with --html FILE");
            return ExitCodes.BadInput;
        }

        Interact(state, settings.Project, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Why a date is not one to show (the trace covers its run's horizon, no more), or null.</summary>
    private static string? OutsideHorizon(TraceInfo info, DateOnly date)
    {
        var end = info.Start.AddDays((int)Math.Floor(info.HorizonDays));
        return date < info.Start || date > end
            ? $"{date:yyyy-MM-dd} is outside the horizon of the trace, {info.Start:yyyy-MM-dd} to {end:yyyy-MM-dd}; give a date within it"
            : null;
    }

    private TraceFile? Load(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                consoles.Errors.WriteLine($"{UserText.Shorten(path)}: error: '{UserText.Shorten(path)}' is a folder, not a trace file");
                return null;
            }

            var trace = TraceReader.Read(path);
            if (!trace.Complete)
            {
                consoles.Errors.WriteLine($"isdnsim: warning: {UserText.Shorten(path)} is not complete ({trace.EndReason}); it shows the run up to its last event");
            }

            return trace;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            consoles.Errors.WriteLine($"{UserText.Shorten(path)}: error: {MissingFile.NotFound(path)}");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            consoles.Errors.WriteLine($"{UserText.Shorten(path)}: error: permission denied: cannot read the file");
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.ShortenQuoted(e.Message)}");
            return null;
        }
    }

    private int WritePage(TraceFile trace, Settings settings, string html)
    {
        TraceFile? other = null;
        if (settings.Compare is { } compare)
        {
            if ((other = Load(compare)) is null)
            {
                return ExitCodes.BadInput;
            }

            if (other.Info.Hash != trace.Info.Hash || other.Info.Seed != trace.Info.Seed || other.Info.Replication != trace.Info.Replication)
            {
                consoles.Errors.WriteLine("isdnsim: error: --compare needs a trace of the same scenario file, seed and replication (another variant), so that the same project is the same in both");
                return ExitCodes.BadInput;
            }
        }

        if (File.Exists(html) || Directory.Exists(html))
        {
            consoles.Errors.WriteLine($"isdnsim: error: --html: '{UserText.Shorten(html)}' already exists; choose another file, or remove it");
            return ExitCodes.BadInput;
        }

        AtomicOutput.WriteFile(Path.GetFullPath(html), ReplayPage.Build(trace, other));
        var link = settings.Project is { } p ? $"; {Path.GetFileName(html)}#{p} opens it at {p}" : "";
        consoles.Out.MarkupLine($"Replay page in [bold]{Markup.Escape(html)}[/]: open it in a browser (it works offline){Markup.Escape(link)}.");
        return ExitCodes.Ok;
    }

    private void Interact(ReplayState state, string? followed, CancellationToken cancellationToken)
    {
        var console = consoles.Out;
        string? message = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            console.Clear(home: true);
            var (events, agencies) = ReplayView.Fit(console.Profile.Height, state, followed);
            console.Write(ReplayView.Render(state, followed, agencies, events, console.Profile.Width));
            console.MarkupLine($"[grey]{Markup.Escape(ReplayView.Keys)}[/]");
            if (message is not null)
            {
                console.MarkupLine(Markup.Escape(message));
                message = null;
            }

            var key = console.Input.ReadKey(intercept: true);
            if (key is null)
            {
                return;
            }

            switch (key.Value.Key)
            {
                case ConsoleKey.Q or ConsoleKey.Escape:
                    return;
                case ConsoleKey.RightArrow or ConsoleKey.L:
                    state.Next();
                    break;
                case ConsoleKey.LeftArrow or ConsoleKey.H:
                    state.Previous();
                    break;
                case ConsoleKey.DownArrow or ConsoleKey.J:
                    state.MoveDays(1);
                    break;
                case ConsoleKey.UpArrow or ConsoleKey.K:
                    state.MoveDays(-1);
                    break;
                case ConsoleKey.PageDown:
                    state.MoveDays(7);
                    break;
                case ConsoleKey.PageUp:
                    state.MoveDays(-7);
                    break;
                case ConsoleKey.G:
                    var date = console.Prompt(new TextPrompt<string>("Go to date (YYYY-MM-DD):")
                        .Validate(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
                            ? ValidationResult.Error("a date as YYYY-MM-DD")
                            : OutsideHorizon(state.Trace.Info, asked) is { } outside ? ValidationResult.Error(outside) : ValidationResult.Success()));
                    state.MoveToDate(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case ConsoleKey.F:
                    var projects = state.Trace.Events.Where(e => e.Ev == "arrive").Select(e => e.Project!).ToHashSet(StringComparer.Ordinal);
                    var chosen = console.Prompt(new TextPrompt<string>("Follow project (e.g. heidestadt/cycle-path/0):")
                        .Validate(p => projects.Contains(p) ? ValidationResult.Success() : ValidationResult.Error($"no project '{p}'{DidYouMean.Hint(p, projects)}")));
                    followed = chosen;
                    break;
                case ConsoleKey.N or ConsoleKey.P when followed is not null:
                    if (!state.MoveToProjectEvent(followed, key.Value.Key == ConsoleKey.N))
                    {
                        message = $"no {(key.Value.Key == ConsoleKey.N ? "later" : "earlier")} event of {followed}";
                    }

                    break;
                default:
                    message = "?: " + ReplayView.Keys;
                    break;
            }
        }
    }
}
