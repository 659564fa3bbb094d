using System.Globalization;
using IsdnSim.Presentation.Tracing;

namespace IsdnSim.Tests.Tracing;

/// <summary>What a trace says, worked out straight from its events, to check the replay page against.</summary>
internal sealed class TraceFacts(TraceFile trace)
{
    /// <summary>Two events of one item: a start and its end, or a council enqueue and the session's step-done.</summary>
    public sealed record Span(TraceRecord Start, TraceRecord End);

    public string Date(double t) => trace.Info.Start.AddDays((int)Math.Floor(t)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public double Arrival(string project) => trace.Events.First(e => e.Ev == "arrive" && e.Project == project).T;

    public string AgentName(string agent) => trace.Info.Agents.Single(a => a.Id == agent).Name;

    /// <summary>An agency as the page names it: its name, then its agent's.</summary>
    public string AgencyName(string agent, string agency) =>
        trace.Info.Agents.Single(a => a.Id == agent).Agencies.Single(g => g.Id == agency).Name + ", " + AgentName(agent);

    /// <summary>The project's longest work on a step (start to end) that lasts two days or more, so that a whole day falls into it.</summary>
    public Span? LongestWork(string project) =>
        Spans(project, e => e is { Ev: "start", Work: "step" }, (start, e) => e.Ev == "end" && e.Work == "step" && SamePlace(start, e))
            .Where(s => s.End.T - s.Start.T >= 2)
            .MaxBy(s => s.End.T - s.Start.T);

    /// <summary>The project's first item on a council's agenda that waits past a whole day, with the step-done of its session.</summary>
    public Span? FirstCouncilWait(string project) =>
        Spans(project, e => e.Ev == "enqueue" && IsCouncil(e), (enqueue, e) => e.Ev == "step-done" && SamePlace(enqueue, e))
            .FirstOrDefault(s => Math.Ceiling(s.Start.T) < s.End.T);

    /// <summary>The agency with the most events that tell its queue.</summary>
    public (string Agent, string Agency) BusiestAgency() =>
        trace.Events.Where(e => e.Queue is not null && e.Agency is not null).GroupBy(e => (e.Agent, e.Agency!)).MaxBy(g => g.Count())!.Key;

    /// <summary>The agency's queue and busy staff after every event at a time up to <paramref name="t"/>.</summary>
    public (int Queue, int Busy) QueueAt(string agent, string agency, double t)
    {
        var last = trace.Events.LastOrDefault(e => e.Agent == agent && e.Agency == agency && e.Queue is not null && e.T <= t);
        return (last?.Queue ?? 0, last?.Busy ?? 0);
    }

    private IEnumerable<Span> Spans(string project, Func<TraceRecord, bool> isStart, Func<TraceRecord, TraceRecord, bool> ends)
    {
        var events = trace.Events.Where(e => e.Project == project).ToList();
        for (var i = 0; i < events.Count; i++)
        {
            if (isStart(events[i]) && events.Skip(i + 1).FirstOrDefault(e => ends(events[i], e)) is { } end)
            {
                yield return new Span(events[i], end);
            }
        }
    }

    private bool IsCouncil(TraceRecord e) =>
        trace.Info.Agents.Single(a => a.Id == e.Agent).Agencies.Any(g => g.Id == e.Agency && g.Council);

    private static bool SamePlace(TraceRecord a, TraceRecord b) =>
        a.Agent == b.Agent && a.Agency == b.Agency && a.Step == b.Step && a.Segment == b.Segment;
}
