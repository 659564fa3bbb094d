using IsdnSim.Kernel.Time;

namespace IsdnSim.Presentation.Tracing;

/// <summary>
/// A trace being replayed: a cursor over its events, and what holds at the cursor (after the
/// events up to it): every agency's queue and busy staff, and where each project is. Moving
/// the cursor back replays from the nearest snapshot, so stepping either way is quick.
/// Snapshots hold only the projects under way; a finished project is kept once, with the
/// position of its finish, so memory grows with the trace, not with its square.
/// </summary>
public sealed class ReplayState
{
    private const int SnapshotEvery = 2_000;

    private readonly List<Snapshot> _snapshots = [];
    private Dictionary<(string Agent, string Agency), (int Queue, int Busy)> _agencies = [];
    private Dictionary<string, ProjectPlace> _projects = [];
    private readonly Dictionary<string, (int Position, ProjectPlace Place)> _finished = [];

    public ReplayState(TraceFile trace)
    {
        Trace = trace;
        Names = new TraceNames(trace.Info);
        _snapshots.Add(new Snapshot(0, new(_agencies), new(_projects)));
    }

    public TraceFile Trace { get; }

    /// <summary>The names of the trace's agents and agencies, as the replay shows them.</summary>
    public TraceNames Names { get; }

    /// <summary>Events applied so far: the cursor stands after event <c>Position - 1</c>.</summary>
    public int Position { get; private set; }

    private double? _at;

    /// <summary>The time of the cursor: the moment moved to by time or date, else the last applied event's (0 at the start).</summary>
    public double Time => _at ?? (Position == 0 ? 0 : Trace.Events[Position - 1].T);

    public DateOnly Date => new SimTime(Time).ToDate(Trace.Info.Start);

    public TraceRecord? Current => Position == 0 ? null : Trace.Events[Position - 1];

    /// <summary>Queue length and busy staff of an agency at the cursor (0, 0 before its first event).</summary>
    public (int Queue, int Busy) Agency(string agent, string agency) => _agencies.GetValueOrDefault((agent, agency));

    /// <summary>Agencies with anything waiting or in work at the cursor, longest queue first.</summary>
    public IReadOnlyList<(string Agent, string Agency, int Queue, int Busy)> Busy() =>
        [.. _agencies.Where(a => a.Value.Queue > 0 || a.Value.Busy > 0)
            .OrderByDescending(a => a.Value.Queue).ThenByDescending(a => a.Value.Busy).ThenBy(a => a.Key.Agent, StringComparer.Ordinal).ThenBy(a => a.Key.Agency, StringComparer.Ordinal)
            .Select(a => (a.Key.Agent, a.Key.Agency, a.Value.Queue, a.Value.Busy))];

    /// <summary>Where a project is at the cursor: one line per step (and segment) under way, or its end; null if it has not arrived.</summary>
    /// <summary>Where the project is at the cursor (a file already arrived at a step that waits for other steps says so).</summary>
    public ProjectPlace? Project(string project) =>
        _projects.GetValueOrDefault(project)?.At(Time) ?? (_finished.TryGetValue(project, out var f) && f.Position < Position ? f.Place : null);

    public void MoveTo(int position)
    {
        _at = null;
        position = Math.Clamp(position, 0, Trace.Events.Count);
        if (position < Position)
        {
            var snapshot = _snapshots.Last(s => s.Position <= position);
            _agencies = new(snapshot.Agencies);
            _projects = snapshot.Projects.ToDictionary(p => p.Key, p => p.Value.Copy());
            Position = snapshot.Position;
        }

        while (Position < position)
        {
            Apply(Trace.Events[Position]);
            Position++;
            if (Position % SnapshotEvery == 0 && _snapshots[^1].Position < Position)
            {
                _snapshots.Add(new Snapshot(Position, new(_agencies), _projects.ToDictionary(p => p.Key, p => p.Value.Copy())));
            }
        }
    }

    public void Next() => MoveTo(Position + 1);

    public void Previous() => MoveTo(Position - 1);

    /// <summary>To the moment <paramref name="time"/>: after every event up to and at it (as the replay page shows it).</summary>
    public void MoveToTime(double time)
    {
        time = Math.Clamp(time, 0, Trace.Info.HorizonDays);
        MoveTo(FirstAfter(time));
        _at = time;
    }

    public void MoveToDate(DateOnly date) => MoveToTime(date.DayNumber - Trace.Info.Start.DayNumber);

    /// <summary>By whole days from the cursor's day, forward or back.</summary>
    public void MoveDays(int days) => MoveToTime(Math.Floor(Time) + days);

    /// <summary>To just after the next (or previous) event of <paramref name="project"/>; stays if there is none.</summary>
    public bool MoveToProjectEvent(string project, bool forward)
    {
        if (forward)
        {
            for (var i = Position; i < Trace.Events.Count; i++)
            {
                if (Trace.Events[i].Project == project)
                {
                    MoveTo(i + 1);
                    return true;
                }
            }
        }
        else
        {
            for (var i = Position - 2; i >= 0; i--)
            {
                if (Trace.Events[i].Project == project)
                {
                    MoveTo(i + 1);
                    return true;
                }
            }
        }

        return false;
    }

    private int FirstAfter(double time)
    {
        int lo = 0, hi = Trace.Events.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Trace.Events[mid].T <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void Apply(TraceRecord e)
    {
        if (e.Agency is { } agency && e.Queue is { } queue)
        {
            var (_, busy) = _agencies.GetValueOrDefault((e.Agent, agency));
            _agencies[(e.Agent, agency)] = (queue, e.Busy ?? busy);
        }

        if (e.Project is not { } project)
        {
            return;
        }

        if (!_projects.TryGetValue(project, out var place))
        {
            if (_finished.ContainsKey(project) && _finished[project].Position < Position)
            {
                return; // a trace has nothing on a project after its finish
            }

            _projects[project] = place = new ProjectPlace(project, e.T, Names);
        }

        place.Apply(e);
        if (place.Finish is not null)
        {
            _projects.Remove(project);
            _finished.TryAdd(project, (Position, place));
        }
    }

    private sealed record Snapshot(int Position, Dictionary<(string, string), (int, int)> Agencies, Dictionary<string, ProjectPlace> Projects);
}

/// <summary>Where one project is: its steps under way, each with what it is waiting for or who works on it.</summary>
public sealed class ProjectPlace(string project, double arrival, TraceNames names)
{
    private readonly SortedDictionary<(string Step, int Segment), string> _under = new();
    private readonly Dictionary<(string Step, int Segment), (int Asked, int Answered, double Deadline)> _consultations = [];

    // Steps whose file is on its way; once there, a step with other predecessors still open waits for them.
    private readonly Dictionary<(string Step, int Segment), (string Where, double Arrives)> _inHandOff = [];

    public string Name { get; } = project;

    public double Arrival { get; } = arrival;

    /// <summary>When it finished, or null.</summary>
    public double? Finish { get; private set; }

    public int Returns { get; private set; }

    /// <summary>Steps under way, in step order: "decision: waiting at Untere Bauaufsichtsbehörde — Landkreis Havelheide since day 12, 3 others waiting then", ...</summary>
    public IReadOnlyList<string> UnderWay =>
        [.. _under.Select(s => (s.Key.Segment >= 0 ? $"{s.Key.Step} (segment {s.Key.Segment}): " : $"{s.Key.Step}: ") + s.Value)];

    public ProjectPlace Copy()
    {
        var copy = new ProjectPlace(Name, Arrival, names) { Finish = Finish, Returns = Returns };
        foreach (var (k, v) in _under)
        {
            copy._under[k] = v;
        }

        foreach (var (k, v) in _consultations)
        {
            copy._consultations[k] = v;
        }

        foreach (var (k, v) in _inHandOff)
        {
            copy._inHandOff[k] = v;
        }

        return copy;
    }

    internal void Apply(TraceRecord e)
    {
        var key = (e.Step ?? "", e.Segment ?? -1);
        Arrive(e.T);
        _inHandOff.Remove(key);
        switch (e.Ev)
        {
            case "send" when e.Message is "step-ready" or "rework" or "rework-done":
                var where = e.To == e.Agent && e.Agency is { } office ? names.Agency(e.Agent, office) : names.Agent(e.To!);
                _under[key] = $"in hand-off to {where}, arriving on {Day(e.Arrives!.Value)}";
                if (e.Message == "step-ready")
                {
                    _inHandOff[key] = (where, e.Arrives!.Value);
                }

                break;
            case "enqueue" when e.Work is "step" or "rework":
                var at = names.Agency(e.Agent, e.Agency!);
                _under[key] = e.Held
                    ? $"held at {at} since {Day(e.T)} until its application window opens"
                    : e.Busy is null
                        ? $"waiting for the session of {at} since {Day(e.T)}, {e.Queue} on the agenda then"
                        : (e.Queue ?? 1) <= 1
                            ? $"waiting at {at} since {Day(e.T)} for its staff to be free"
                            : $"waiting at {at} since {Day(e.T)}, {e.Queue - 1} others waiting then";
                break;
            case "start" when e.Work is "step" or "rework":
                _under[key] = $"in work at {names.Agency(e.Agent, e.Agency!)}{(e.Work == "rework" ? ", reworking the returned file" : "")}";
                break;
            case "period":
                _under[key] = $"legal period at {names.Agency(e.Agent, e.Agency!)} until {Day(e.Until!.Value)}";
                break;
            case "ask" when e.MeetingAt is { } meeting:
                _under[key] = $"waiting for the working group's meeting on {Day(meeting)} (consultation of {e.Asked})";
                break;
            case "ask":
                _consultations[key] = (e.Asked ?? 0, 0, e.Deadline ?? double.PositiveInfinity);
                _under[key] = Consultation(_consultations[key]);
                break;
            case "end" when e.Work == "consult" && _consultations.TryGetValue(key, out var c):
                _consultations[key] = c with { Answered = c.Answered + 1 };
                _under[key] = Consultation(_consultations[key]);
                break;
            case "return":
                Returns++;
                _under[key] = $"returned for rework to {names.Agent(e.To!)}";
                break;
            case "step-done":
                _under.Remove(key);
                _consultations.Remove(key);
                break;
            case "finish":
                Finish = e.T;
                _under.Clear();
                break;
            default:
                break;
        }
    }

    /// <summary>A copy as at <paramref name="time"/>: files arrived by then wait at their step.</summary>
    internal ProjectPlace At(double time)
    {
        if (!_inHandOff.Values.Any(h => h.Arrives <= time))
        {
            return this;
        }

        var copy = Copy();
        copy.Arrive(time);
        return copy;
    }

    /// <summary>A step-ready file that has arrived and started nothing waits for the step's other predecessors.</summary>
    private void Arrive(double time)
    {
        foreach (var (step, (where, arrives)) in _inHandOff.Where(h => h.Value.Arrives <= time).ToList())
        {
            _inHandOff.Remove(step);
            _under[step] = $"at {where} since {Day(arrives)}, waiting for the other steps";
        }
    }

    private static string Consultation((int Asked, int Answered, double Deadline) c) =>
        $"consultation: {c.Answered} of {c.Asked} answered" + (double.IsFinite(c.Deadline) ? $"; the deadline for statements ends on {Day(c.Deadline)}" : "");

    private static string Day(double t) => "day " + t.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
