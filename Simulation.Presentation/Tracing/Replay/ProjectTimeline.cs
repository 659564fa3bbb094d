namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// One project's way through the administration, read back from a trace: per step (and segment)
/// the hand-offs, waits, work and council waits; a lane of its own for every other agency that
/// worked for a step (statements, rework, support); and the critical path.
/// </summary>
internal sealed class ProjectTimeline
{
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required string Owner { get; init; }

    public required double Arrive { get; init; }

    public double? Finish { get; init; }

    /// <summary>Lead time in days, from the <c>finish</c> event.</summary>
    public double? Lead { get; init; }

    /// <summary>Lanes in the order of the process's steps, then segments, each step's own lane before those of agencies working for it.</summary>
    public required IReadOnlyList<TimelineLane> Lanes { get; init; }

    /// <summary>The critical path from its first step to the final one; empty for an unfinished project.</summary>
    public IReadOnlyList<TimelineLane> CriticalPath => [.. Lanes.Where(l => l.Critical).OrderBy(l => l.Done)];

    /// <summary>Every project that arrives in the trace, in the order of arrival.</summary>
    public static IReadOnlyList<ProjectTimeline> FromTrace(TraceFile trace)
    {
        var end = RunEnd(trace);
        var councils = trace.Info.Agents.SelectMany(a => a.Agencies.Where(g => g.Council).Select(g => (a.Id, g.Id))).ToHashSet();
        var processes = trace.Info.Processes.ToDictionary(p => p.Id);
        var byProject = trace.Events.Where(e => e.Project is not null).GroupBy(e => e.Project!).ToDictionary(g => g.Key, g => g.ToList());
        return
        [
            .. trace.Events.Where(e => e.Ev == "arrive" && e.Project is not null).DistinctBy(e => e.Project).Select(arrival =>
            {
                var process = arrival.Process ?? "";
                return new TimelineBuilder(processes.GetValueOrDefault(process), councils, end).Build(arrival, process, byProject[arrival.Project!]);
            }),
        ];
    }

    /// <summary>The end of the run's time: the horizon, or the last event of a trace that was cut off.</summary>
    public static double RunEnd(TraceFile trace)
    {
        var last = trace.Events.Count == 0 ? 0 : trace.Events[^1].T;
        return trace.Complete ? Math.Max(trace.Info.HorizonDays, last) : last;
    }
}
