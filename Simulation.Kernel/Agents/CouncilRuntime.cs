using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// A council (Gemeindevertretung, Kreistag) or committee during a run: items wait for the next
/// session that is at least the submission period after they joined the agenda, and each session
/// takes at most its agenda's worth, first come first served; the rest wait for the session after.
/// </summary>
internal sealed class CouncilRuntime
{
    // A struct, in place: not readonly, so that calls change this field and not a copy.
    private YearlyIntegrals _integrals;
    private readonly double _every;
    private readonly double _first;
    private readonly double _submission;
    private readonly int _agenda;
    private double _waitSum;
    private long _arrived;
    private long _decided;

    private readonly double[] _yearStarts;
    private readonly long[] _decidedInYear;
    private readonly double _warmup;

    public CouncilRuntime(AgencyModel model, WorkCalendar calendar, double[] yearStarts, double warmup)
    {
        _yearStarts = yearStarts;
        _warmup = warmup;
        _decidedInYear = new long[Math.Max(1, yearStarts.Length)];
        Model = model;
        var s = model.Sessions!;
        _every = s.Every.Value;
        _first = s.First.Value;
        _submission = s.Submission.Value;
        _agenda = s.Agenda;
        _integrals = new YearlyIntegrals(calendar, yearStarts, warmup);
    }

    public AgencyModel Model { get; }

    public WorkQueue<WorkItem> Queue { get; } = new();

    /// <summary>The session already scheduled, or NaN.</summary>
    public double Scheduled { get; set; } = double.NaN;

    public void Observe(double t) => _integrals.Observe(t, Queue.Count, 0);

    /// <summary>Queues an item; returns the session to schedule for it, or NaN if one is scheduled already.</summary>
    public double Enqueue(in WorkItem item, double t)
    {
        Observe(t);
        if (t >= _warmup)
        {
            _arrived++;
        }

        Queue.Enqueue(item);
        if (!double.IsNaN(Scheduled))
        {
            return double.NaN;
        }

        Scheduled = Sessions.Next(_first, _every, t + _submission);
        return Scheduled;
    }

    /// <summary>Takes the items this session decides; returns the next session to schedule, or NaN.</summary>
    public double Decide(double t, List<WorkItem> decided)
    {
        Observe(t);
        decided.Clear();
        var year = -1;
        while (Queue.Count > 0 && decided.Count < _agenda && Queue.Peek().Admitted + _submission <= t)
        {
            var item = Queue.Dequeue();
            if (t >= _warmup)
            {
                _waitSum += t - item.Admitted;
                _decided++;
            }

            // The session's year, looked up at its first decision.
            if (year < 0)
            {
                year = _yearStarts.Length == 0 ? 0 : YearOf(t);
            }

            _decidedInYear[year]++;
            decided.Add(item);
        }

        if (Queue.Count == 0)
        {
            Scheduled = double.NaN;
            return double.NaN;
        }

        var next = Sessions.Next(_first, _every, Math.Max(Queue.Peek().Admitted + _submission, t));
        Scheduled = next <= t ? next + _every : next;
        return Scheduled;
    }

    private int YearOf(double t)
    {
        var i = Array.BinarySearch(_yearStarts, t);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>Agenda places of the sessions held in [from, to).</summary>
    private double Places(double from, double to)
    {
        double Before(double x) => x > _first ? Math.Ceiling((x - _first) / _every) : 0;
        return (Before(to) - Before(from)) * _agenda;
    }

    public AgencyStatistics Close(int agent, double horizon)
    {
        Observe(horizon);
        var places = Places(_warmup, horizon);
        var yearly = Enumerable.Range(0, _yearStarts.Length).Select(y =>
        {
            var yearPlaces = Places(_yearStarts[y], y + 1 < _yearStarts.Length ? _yearStarts[y + 1] : horizon);
            return yearPlaces > 0 ? _decidedInYear[y] / yearPlaces : 0;
        }).ToArray();
        return new AgencyStatistics(
            agent,
            Model.Index,
            Staff: 0,
            Utilisation: places > 0 ? _decided / places : 0,
            MeanQueueLength: horizon > _warmup ? _integrals.QueueArea / (horizon - _warmup) : 0,
            MeanWait: _decided > 0 ? _waitSum / _decided : 0,
            Arrived: _arrived,
            Started: _decided,
            Done: _decided,
            WaitingCaused: _integrals.QueueArea,
            InQueueAtEnd: Queue.Count,
            InServiceAtEnd: 0,
            YearUtilisation: yearly,
            YearWaitingCaused: _integrals.YearQueueArea)
        {
            IsCouncil = true,
        };
    }
}
