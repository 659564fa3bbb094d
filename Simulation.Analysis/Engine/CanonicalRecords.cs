using IsdnSim.Kernel.Agents;

namespace IsdnSim.Analysis.Engine;

/// <summary>The canonical orders of a replication's records.</summary>
public static class CanonicalRecords
{
    /// <summary>Projects by (finish, id).</summary>
    public static CanonicalRecords<ProjectRecord> Projects(IEnumerable<RecordSpool<ProjectRecord>> agents) =>
        new(agents, static p => p.Finish, ByFinishThenId);

    /// <summary>
    /// Steps by (end, project, step). Steps are recorded only when asked for (telemetry, tests),
    /// and segments of one step done at the same moment have always come in the order
    /// <c>Array.Sort</c> leaves them in, which is not a merge's: so they are sorted as a whole, as
    /// they always were, and kept in one spool.
    /// </summary>
    public static CanonicalRecords<StepRecord> Steps(IEnumerable<RecordSpool<StepRecord>> agents)
    {
        var spools = agents.ToList();
        var steps = spools.SelectMany(a => a.Records()).ToArray();
        foreach (var s in spools)
        {
            s.Dispose();
        }

        Array.Sort(steps, ByEndThenProjectStep);
        return new CanonicalRecords<StepRecord>([RecordSpool<StepRecord>.Of(steps)], static s => s.End, ByEndThenProjectStep) { Sorted = true };
    }

    /// <summary>Projects already at hand (hand-made results), in any order: put in canonical order, in one spool.</summary>
    public static CanonicalRecords<ProjectRecord> Projects(IEnumerable<ProjectRecord> records) =>
        Projects([RecordSpool<ProjectRecord>.Of(records.Order(Comparer<ProjectRecord>.Create(ByFinishThenId)))]);

    /// <summary>Steps already at hand, in any order.</summary>
    public static CanonicalRecords<StepRecord> Steps(IEnumerable<StepRecord> records) =>
        Steps([RecordSpool<StepRecord>.Of(records)]);

    private static int ByFinishThenId(ProjectRecord x, ProjectRecord y)
    {
        var c = x.Finish.CompareTo(y.Finish);
        return c != 0 ? c : x.Id.CompareTo(y.Id);
    }

    private static int ByEndThenProjectStep(StepRecord x, StepRecord y)
    {
        var c = x.End.CompareTo(y.End);
        if (c != 0)
        {
            return c;
        }

        c = x.Project.CompareTo(y.Project);
        if (c != 0)
        {
            return c;
        }

        return x.Step.CompareTo(y.Step);
    }
}

/// <summary>
/// A replication's records of one kind (finished projects, or steps) in their canonical order,
/// merged from the agents' spools each time they are read, so that no copy of them all is ever
/// held: a reader streams them (figures, projects.csv) and may read them again.
/// </summary>
/// <remarks>
/// Each agent records in the order of time (a project when it finishes, a step when it is done),
/// so each spool is sorted by time already; only records of one agent at the same moment (a
/// council session finishing several projects) need putting in order. The agents' sequences are
/// then merged, which gives exactly the order a sort of all of them would: the canonical key
/// (time, then id) names each record once.
/// </remarks>
public sealed class CanonicalRecords<T> : IReadOnlyCollection<T>, IDisposable
    where T : unmanaged
{
    private readonly RecordSpool<T>[] _sources;
    private readonly Func<T, double> _time;
    private readonly Comparer<T> _order;

    internal CanonicalRecords(IEnumerable<RecordSpool<T>> sources, Func<T, double> time, Comparison<T> order)
    {
        _sources = [.. sources];
        _time = time;
        _order = Comparer<T>.Create(order);
        Count = checked((int)_sources.Sum(s => s.Count));
    }

    public int Count { get; }

    /// <summary>The one source is in canonical order already, ties included: it is read as it is.</summary>
    internal bool Sorted { get; init; }

    public IEnumerator<T> GetEnumerator()
    {
        var sources = _sources.Where(s => s.Count > 0).ToArray();
        if (sources.Length == 1)
        {
            // One agent (M/M/c): no merge, its records only need their ties ordered.
            foreach (var r in TiesOrdered(sources[0]))
            {
                yield return r;
            }

            yield break;
        }

        var cursors = new IEnumerator<T>[sources.Length];
        var heads = new PriorityQueue<int, T>(sources.Length, _order);
        try
        {
            for (var i = 0; i < cursors.Length; i++)
            {
                cursors[i] = TiesOrdered(sources[i]).GetEnumerator();
                if (cursors[i].MoveNext())
                {
                    heads.Enqueue(i, cursors[i].Current);
                }
            }

            while (heads.TryDequeue(out var i, out var record))
            {
                yield return record;
                if (cursors[i].MoveNext())
                {
                    heads.Enqueue(i, cursors[i].Current);
                }
            }
        }
        finally
        {
            foreach (var c in cursors)
            {
                c?.Dispose();
            }
        }
    }

    /// <summary>Releases the spools: the records can no longer be read.</summary>
    public void Dispose()
    {
        foreach (var s in _sources)
        {
            s.Dispose();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One agent's records with those of the same moment in canonical order (they are in time order already).</summary>
    private IEnumerable<T> TiesOrdered(RecordSpool<T> source)
    {
        if (Sorted)
        {
            foreach (var r in source.Records())
            {
                yield return r;
            }

            yield break;
        }

        var group = new List<T>();
        var time = double.NegativeInfinity;
        foreach (var r in source.Records())
        {
            var t = _time(r);
            if (t != time)
            {
                if (t < time)
                {
                    throw new InvalidOperationException($"An agent's records are not in the order of time ({t} after {time}).");
                }

                if (group.Count > 1)
                {
                    group.Sort(_order);
                }

                foreach (var g in group)
                {
                    yield return g;
                }

                group.Clear();
                time = t;
            }

            group.Add(r);
        }

        if (group.Count > 1)
        {
            group.Sort(_order);
        }

        foreach (var g in group)
        {
            yield return g;
        }
    }
}
