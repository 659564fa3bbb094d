using System.Globalization;
using IsdnSim.Kernel.Time;
using IsdnSim.Presentation.Labels;
using IsdnSim.Presentation.Tracing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IsdnSim.Runner.Display;

/// <summary>
/// One screen of a replay: the moment (two lines that always stay on top), the events around it,
/// the queues, and the followed project, sized to the terminal so that nothing scrolls away.
/// </summary>
public static class ReplayView
{
    private const int MostEvents = 8;
    private const int MostAgencies = 12;

    /// <summary>The key help, longest first: the first that fits the terminal's width is shown.</summary>
    public static readonly string[] KeyHelp =
    [
        "→/l next event · ←/h previous · ↓/j next day · ↑/k previous day · PgDn/PgUp a week · g go to date · f follow a project · n/p its next/previous event · q quit",
        "→/← event · ↓/↑ day · PgDn/PgUp week · g go to date · f follow a project · n/p its next/previous · q quit",
        "→/← event · ↓/↑ day · PgDn/PgUp week · g date · f follow · n/p its next/prev · q quit",
        "→← event ↓↑ day PgDn/PgUp week g date f follow n/p q quit",
    ];

    /// <summary>The key help on one line of at most <paramref name="width"/> characters.</summary>
    public static string Keys(int width) => KeyHelp.FirstOrDefault(k => k.Length <= width - 1) ?? TextWrap.Cut(KeyHelp[^1], width - 1);

    /// <summary>
    /// The screen for a terminal of <paramref name="width"/> × <paramref name="height"/>: as many
    /// events, queues and steps of the followed project as fit in the lines left for the key help,
    /// a message and the cursor, so that the terminal never scrolls the header away.
    /// </summary>
    public static IRenderable Screen(ReplayState state, string? followed, int width, int height)
    {
        var budget = height - 3;
        var events = Math.Min(MostEvents, state.Position);
        var agencies = Math.Min(MostAgencies, state.Busy().Count);
        var steps = followed is null ? 0 : state.Project(followed)?.UnderWay.Count ?? 0;
        while (true)
        {
            var screen = Render(state, followed, width, agencies, events, steps, cut: true);
            if (Lines(screen, width) <= budget)
            {
                return screen;
            }

            if (agencies > 2 && agencies >= events)
            {
                agencies--;
            }
            else if (events > 2)
            {
                events--;
            }
            else if (steps > 1)
            {
                steps--;
            }
            else if (agencies > 1)
            {
                agencies--;
            }
            else if (events > 1)
            {
                events--;
            }
            else if (agencies > 0)
            {
                agencies--;
            }
            else if (events > 0)
            {
                events--;
            }
            else
            {
                return screen;
            }
        }
    }

    /// <summary>All of one moment, for printing (--at): every line wrapped at word boundaries, nothing cut.</summary>
    public static IRenderable Render(ReplayState state, string? followed, int width) =>
        Render(state, followed, width, MostAgencies, MostEvents, int.MaxValue, cut: false);

    /// <summary>How many lines <paramref name="renderable"/> takes on a terminal <paramref name="width"/> wide.</summary>
    public static int Lines(IRenderable renderable, int width)
    {
        var text = new StringWriter();
        Consoles.Fixed(text, width).Write(renderable);
        return text.ToString().Count(c => c == '\n');
    }

    /// <param name="cut">Each event on one line, cut to the width (stepping through); else wrapped (printing a moment).</param>
    private static IRenderable Render(ReplayState state, string? followed, int width, int agencies, int events, int steps, bool cut)
    {
        var info = state.Trace.Info;
        var run = TextWrap.Cut($"{info.Scenario}, {(info.Variant is null ? "" : "variant ")}{DisplayNames.Variant(info.Variant)}, replication {info.Replication}", width - 1);
        var moment = TextWrap.Cut($"{state.Date:yyyy-MM-dd} (day {state.Time.ToString("0.###", CultureInfo.InvariantCulture)}), event {state.Position:N0} of {state.Trace.Events.Count:N0}", width - 1);
        var rows = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(run)}[/]"),
            new Markup($"[bold]{Markup.Escape(moment[..Math.Min(10, moment.Length)])}[/]{Markup.Escape(moment[Math.Min(10, moment.Length)..])}"),
        };

        var names = state.Names;
        var recent = new FittedTable("What happened last").AddColumn("Date").AddColumn("Organisation").AddColumn("Event", oneLine: cut);
        var first = Math.Max(0, state.Position - events);
        for (var i = first; i < state.Position; i++)
        {
            var e = state.Trace.Events[i];
            recent.AddRow(e.Date, names.Agent(e.Agent), new FittedTable.Cell(Describe(e, names), i == state.Position - 1 ? "bold" : null));
        }

        if (events > 0)
        {
            rows.Add(recent.Build(width).Table);
        }

        var busy = state.Busy();
        var shown = Math.Min(agencies, busy.Count);
        var queues = new FittedTable($"Queues at this moment ({busy.Count} agencies with work{(shown < busy.Count ? $", the {shown} longest shown" : "")})")
            .AddColumn("Agency").AddColumn("Waiting").AddColumn("In work");
        foreach (var (agent, agency, queue, inWork) in busy.Take(shown))
        {
            queues.AddRow(names.Agency(agent, agency), queue.ToString(CultureInfo.InvariantCulture), inWork.ToString(CultureInfo.InvariantCulture));
        }

        if (shown > 0 || busy.Count == 0)
        {
            rows.Add(queues.Build(width).Table);
        }

        if (followed is not null)
        {
            rows.Add(Follow(state, followed, steps));
        }

        return new Rows(rows);
    }

    private static IRenderable Follow(ReplayState state, string project, int steps)
    {
        var place = state.Project(project);
        var lines = new List<string>();
        if (place is null)
        {
            lines.Add("has not arrived yet");
        }
        else if (place.Finish is { } finish)
        {
            lines.Add($"finished on {new SimTime(finish).ToDate(state.Trace.Info.Start):yyyy-MM-dd}, after {(finish - place.Arrival).ToString("0.#", CultureInfo.InvariantCulture)} days" +
                      (place.Returns > 0 ? $", returned for rework {place.Returns} time{(place.Returns == 1 ? "" : "s")}" : ""));
        }
        else
        {
            lines.Add($"under way for {(state.Time - place.Arrival).ToString("0.#", CultureInfo.InvariantCulture)} days");
            lines.AddRange(place.UnderWay.Take(steps).Select(u => "  " + u));
            if (place.UnderWay.Count > steps)
            {
                lines.Add($"  and {place.UnderWay.Count - steps} more step{(place.UnderWay.Count - steps == 1 ? "" : "s")} (a taller terminal shows them)");
            }
        }

        // Spectre cuts a panel's header to the panel's width: the first line makes room for it.
        var header = $"Following {project}";
        lines[0] = lines[0].PadRight(header.Length + 2);
        return new Panel(new Markup(Markup.Escape(string.Join('\n', lines)))).Header(Markup.Escape(header));
    }

    /// <summary>One event in words, with the agencies and organisations by name, for the list of what happened.</summary>
    public static string Describe(TraceRecord e, TraceNames names)
    {
        var what = e.Project is { } p ? $"{p}{(e.Step is { } s ? $" · {s}" : "")}{(e.Segment is { } g ? $" (segment {g})" : "")}" : "everyday work";
        var agency = e.Agency is { } a ? names.AgencyName(e.Agent, a) : "";
        var to = e.To is { } t ? names.Agent(t) : "";
        return e.Ev switch
        {
            "arrive" => $"{e.Project} arrives",
            "send" => $"sends {what} to {to} ({e.Message}, arrives on day {e.Arrives!.Value.ToString("0.#", CultureInfo.InvariantCulture)})",
            "enqueue" => $"{agency}: {what} joins the {(e.Busy is null ? "agenda" : "queue")} ({e.Queue} waiting){(e.Held ? ", held until the window opens" : "")}",
            "start" => $"{agency}: starts {what} ({e.Work}, {e.Effort!.Value.ToString("0.#", CultureInfo.InvariantCulture)} working days)",
            "end" => $"{agency}: finishes {what}",
            "session" => $"{agency} meets: {e.Decided} decided, {e.Queue} still waiting",
            "step-done" => $"{what} done ({e.Days!.Value.ToString("0.#", CultureInfo.InvariantCulture)} days from ready)",
            "return" => $"{agency} returns {what} to {to} for rework",
            "lapsed" => $"{what}: the deadline passed; the lead goes on without the missing statements",
            "meeting" => $"{what} settled at the working group's meeting",
            "period" => $"{agency}: {what}: a legal period begins, until day {e.Until!.Value.ToString("0.#", CultureInfo.InvariantCulture)}",
            "deemed" => $"{agency}: {what}: not finished in time, done by law (legal fiction)",
            "drop" => $"{agency}: closes {what} unworked: the law decided it already",
            "finish" => $"{e.Project} finished after {e.Lead!.Value.ToString("0.#", CultureInfo.InvariantCulture)} days",
            "ask" => e.MeetingAt is { } m
                ? $"{what}: put to the working group, which meets on day {m.ToString("0.#", CultureInfo.InvariantCulture)}"
                : $"{what}: asks {e.Asked} bodies{(e.Deadline is { } d ? $", deadline day {d.ToString("0.#", CultureInfo.InvariantCulture)}" : "")}",
            _ => e.Ev,
        };
    }
}
