using System.Globalization;
using IsdnSim.Kernel.Time;
using IsdnSim.Presentation.Tracing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IsdnSim.Runner.Display;

/// <summary>One screen of a replay: the moment, the events around it, the queues, and the followed project.</summary>
internal static class ReplayView
{
    public const string Keys =
        "→/l next event · ←/h previous · ↓/j next day · ↑/k previous day · PgDn/PgUp a week · g go to date · f follow a project · n/p its next/previous event · q quit";

    /// <summary>
    /// How many events and agencies fit a terminal of <paramref name="height"/> lines beside the header,
    /// the followed project and the keys, so the screen never scrolls its header away.
    /// </summary>
    public static (int Events, int Agencies) Fit(int height, ReplayState state, string? followed)
    {
        var project = followed is null ? 0 : 3 + (state.Project(followed)?.UnderWay.Count ?? 0);
        var budget = height - 1 - 2 - project - 5 - 5;
        var events = Math.Clamp(budget / 2, 1, 8);
        return (events, Math.Clamp(budget - events, 1, 12));
    }

    /// <param name="width">The terminal's width: event lines are cut to fit it on one line each.</param>
    public static IRenderable Render(ReplayState state, string? followed, int agencies = 12, int events = 8, int width = int.MaxValue)
    {
        var info = state.Trace.Info;
        var variant = info.Variant is { } v ? $", variant {v}" : "";
        var header = new Markup(
            $"[bold]{Markup.Escape(info.Scenario)}[/]{Markup.Escape(variant)}, replication {info.Replication}: " +
            $"[bold]{state.Date:yyyy-MM-dd}[/] (day {state.Time.ToString("0.###", CultureInfo.InvariantCulture)}), event {state.Position:N0} of {state.Trace.Events.Count:N0}");

        var recent = new Table().Title("What happened last")
            .AddColumn(new TableColumn("Date").NoWrap()).AddColumn(new TableColumn("Agent").NoWrap()).AddColumn("Event");
        var first = Math.Max(0, state.Position - events);
        var agentWidth = Enumerable.Range(first, state.Position - first).Select(i => state.Trace.Events[i].Agent.Length).DefaultIfEmpty(5).Max();
        var room = width == int.MaxValue ? int.MaxValue : Math.Max(20, width - 10 - Math.Max(5, agentWidth) - 10);
        for (var i = first; i < state.Position; i++)
        {
            var e = state.Trace.Events[i];
            var line = Describe(e);
            if (line.Length > room)
            {
                line = line[..(room - 1)] + "…";
            }

            recent.AddRow(new Text(e.Date), new Text(e.Agent), new Markup(i == state.Position - 1 ? $"[bold]{Markup.Escape(line)}[/]" : Markup.Escape(line)));
        }

        var busy = state.Busy();
        var queues = new Table().Title($"Queues at this moment ({busy.Count} agencies with work)").AddColumns("Agency", "Agent", "Waiting", "In work");
        foreach (var (agent, agency, queue, inWork) in busy.Take(agencies))
        {
            queues.AddRow(Markup.Escape(agency), Markup.Escape(agent), queue.ToString(CultureInfo.InvariantCulture), inWork.ToString(CultureInfo.InvariantCulture));
        }

        var rows = new List<IRenderable> { header, recent, queues };
        if (followed is not null)
        {
            rows.Add(Follow(state, followed));
        }

        return new Rows(rows);
    }

    private static IRenderable Follow(ReplayState state, string project)
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
            lines.AddRange(place.UnderWay.Select(u => "  " + u));
        }

        return new Panel(new Markup(Markup.Escape(string.Join('\n', lines)))).Header(Markup.Escape($"Following {project}"));
    }

    /// <summary>One event in words, for the list of what happened.</summary>
    public static string Describe(TraceRecord e)
    {
        var what = e.Project is { } p ? $"{p}{(e.Step is { } s ? $" · {s}" : "")}{(e.Segment is { } g ? $" (segment {g})" : "")}" : "everyday work";
        return e.Ev switch
        {
            "arrive" => $"{e.Project} arrives",
            "send" => $"sends {what} to {e.To} ({e.Message}, arrives on day {e.Arrives!.Value.ToString("0.#", CultureInfo.InvariantCulture)})",
            "enqueue" => $"{e.Agency}: {what} joins the {(e.Busy is null ? "agenda" : "queue")} ({e.Queue} waiting){(e.Held ? ", held until the window opens" : "")}",
            "start" => $"{e.Agency}: starts {what} ({e.Work}, {e.Effort!.Value.ToString("0.#", CultureInfo.InvariantCulture)} working days)",
            "end" => $"{e.Agency}: finishes {what}",
            "session" => $"{e.Agency} meets: {e.Decided} decided, {e.Queue} still waiting",
            "step-done" => $"{what} done ({e.Days!.Value.ToString("0.#", CultureInfo.InvariantCulture)} days from ready)",
            "return" => $"{e.Agency} returns {what} to {e.To} for rework",
            "lapsed" => $"{what}: the deadline passed; the lead goes on without the missing statements",
            "meeting" => $"{what} settled at the working group's meeting",
            "period" => $"{e.Agency}: {what}: a legal period begins, until day {e.Until!.Value.ToString("0.#", CultureInfo.InvariantCulture)}",
            "deemed" => $"{e.Agency}: {what}: not finished in time, done by law (legal fiction)",
            "drop" => $"{e.Agency}: closes {what} unworked: the law decided it already",
            "finish" => $"{e.Project} finished after {e.Lead!.Value.ToString("0.#", CultureInfo.InvariantCulture)} days",
            "ask" => e.MeetingAt is { } m
                ? $"{what}: put to the working group, which meets on day {m.ToString("0.#", CultureInfo.InvariantCulture)}"
                : $"{what}: asks {e.Asked} bodies{(e.Deadline is { } d ? $", deadline day {d.ToString("0.#", CultureInfo.InvariantCulture)}" : "")}",
            _ => e.Ev,
        };
    }
}
