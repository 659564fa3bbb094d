namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// An agency's queue length and busy staff over time, from the <c>queue</c> and <c>busy</c> of its
/// events: one point per change, the last event at a time giving the value from then on.
/// </summary>
internal sealed class QueueSeries
{
    public List<double> T { get; } = [];

    public List<int> Queue { get; } = [];

    /// <summary>Busy staff; null for a council, which has none.</summary>
    public List<int?> Busy { get; } = [];

    /// <summary>Every agency's series, by agent and agency, for the agencies that have events.</summary>
    public static IReadOnlyDictionary<(string Agent, string Agency), QueueSeries> FromTrace(TraceFile trace)
    {
        var series = new Dictionary<(string, string), QueueSeries>();
        foreach (var e in trace.Events)
        {
            if (e is { Queue: { } queue, Agency: { } agency })
            {
                if (!series.TryGetValue((e.Agent, agency), out var s))
                {
                    series.Add((e.Agent, agency), s = new QueueSeries());
                }

                s.Add(e.T, queue, e.Busy);
            }
        }

        return series;
    }

    private void Add(double t, int queue, int? busy)
    {
        var n = T.Count;
        busy ??= n > 0 ? Busy[n - 1] : null;
        if (n > 0 && T[n - 1] == t)
        {
            Queue[n - 1] = queue;
            Busy[n - 1] = busy;
            if (n > 1 && Queue[n - 2] == queue && Busy[n - 2] == busy)
            {
                RemoveLast();
            }

            return;
        }

        if (n > 0 && Queue[n - 1] == queue && Busy[n - 1] == busy)
        {
            return;
        }

        T.Add(t);
        Queue.Add(queue);
        Busy.Add(busy);
    }

    private void RemoveLast()
    {
        T.RemoveAt(T.Count - 1);
        Queue.RemoveAt(Queue.Count - 1);
        Busy.RemoveAt(Busy.Count - 1);
    }
}
