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

    internal static int ByFinishThenId(ProjectRecord x, ProjectRecord y)
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
    private readonly Comparison<T> _order;

    internal CanonicalRecords(IEnumerable<RecordSpool<T>> sources, Func<T, double> time, Comparison<T> order)
    {
        _sources = [.. sources];
        _time = time;
        _order = order;
        Count = checked((int)_sources.Sum(s => s.Count));
    }

    public int Count { get; }

    internal IReadOnlyList<RecordSpool<T>> Sources => _sources;

    /// <summary>The one source is in canonical order already, ties included: it is read as it is.</summary>
    internal bool Sorted { get; init; }

    /// <summary>Records read from a spool at a time (at most; the block grows while one moment's records do not fit). Tests set it small.</summary>
    internal int BlockSize { get; init; } = 256;

    public IEnumerator<T> GetEnumerator() => new Merge(this);

    /// <summary>
    /// Every record once, in no particular order (the spools one after the other, without the
    /// merge): for what does not depend on the order, such as counts.
    /// </summary>
    public IEnumerable<T> Unordered() => _sources.SelectMany(s => s.Records());

    /// <summary>Releases the spools: the records can no longer be read.</summary>
    public void Dispose()
    {
        foreach (var s in _sources)
        {
            s.Dispose();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The merge of the sources into canonical order, as a hand-written enumerator: at Germany
    /// scale some 13,000 agents hold a few records each, and the former iterators (one per agent
    /// for its ties, one per spool, a priority queue over 128-byte records compared through a
    /// delegate) were most of the time spent computing a run's figures and writing projects.csv.
    /// </summary>
    /// <remarks>
    /// Each source is read a block at a time. Within a block, the records of one moment are put in
    /// canonical order; a moment that reaches the end of the block is held back to the next read
    /// (the block grows if one moment fills it), so a moment's records are always ordered whole.
    /// The sources' heads are kept in a binary heap of source indices keyed by the head's time,
    /// the full order deciding only between equal times.
    /// </remarks>
    private sealed class Merge : IEnumerator<T>
    {
        private readonly CanonicalRecords<T> _records;
        private readonly Cursor[] _cursors;
        private readonly int[] _heap;
        private int _heapSize;
        private T _current;

        public Merge(CanonicalRecords<T> records)
        {
            _records = records;
            _cursors = [.. records._sources.Where(s => s.Count > 0).Select(s => new Cursor(s, records))];
            _heap = new int[_cursors.Length];
            Reset();
        }

        public T Current => _current;

        object System.Collections.IEnumerator.Current => _current;

        public bool MoveNext()
        {
            if (_heapSize == 0)
            {
                return false;
            }

            var top = _heap[0];
            var cursor = _cursors[top];
            _current = cursor.Block[cursor.Position];
            if (cursor.Advance())
            {
                SiftDown(0);
            }
            else
            {
                _heap[0] = _heap[--_heapSize];
                if (_heapSize > 0)
                {
                    SiftDown(0);
                }
            }

            return true;
        }

        public void Reset()
        {
            _heapSize = 0;
            foreach (var c in _cursors)
            {
                c.Rewind();
            }

            for (var i = 0; i < _cursors.Length; i++)
            {
                _heap[_heapSize] = i;
                SiftUp(_heapSize++);
            }
        }

        public void Dispose()
        {
        }

        private bool Before(int a, int b)
        {
            var x = _cursors[a];
            var y = _cursors[b];
            if (x.HeadTime != y.HeadTime)
            {
                return x.HeadTime < y.HeadTime;
            }

            return _records._order(x.Block[x.Position], y.Block[y.Position]) < 0;
        }

        private void SiftUp(int i)
        {
            var item = _heap[i];
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Before(item, _heap[parent]))
                {
                    break;
                }

                _heap[i] = _heap[parent];
                i = parent;
            }

            _heap[i] = item;
        }

        private void SiftDown(int i)
        {
            var item = _heap[i];
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= _heapSize)
                {
                    break;
                }

                if (child + 1 < _heapSize && Before(_heap[child + 1], _heap[child]))
                {
                    child++;
                }

                if (!Before(_heap[child], item))
                {
                    break;
                }

                _heap[i] = _heap[child];
                i = child;
            }

            _heap[i] = item;
        }
    }

    /// <summary>One source's place in the merge: a block of its records, with each whole moment in canonical order.</summary>
    private sealed class Cursor(RecordSpool<T> source, CanonicalRecords<T> records)
    {
        private long _next;
        private int _filled;
        private int _ready;
        private double _lastTime;

        /// <summary>Block[Position.._ready) are ready in canonical order; Block[_ready.._filled) is a moment held back.</summary>
        public T[] Block { get; private set; } = new T[(int)Math.Min(source.Count, records.BlockSize)];

        public int Position { get; private set; }

        public double HeadTime { get; private set; }

        public void Rewind()
        {
            _next = 0;
            _filled = 0;
            _ready = 0;
            Position = 0;
            _lastTime = double.NegativeInfinity;
            Fill();
        }

        /// <summary>Moves past the head; false when the source has no more records.</summary>
        public bool Advance()
        {
            if (++Position == _ready)
            {
                return Fill();
            }

            HeadTime = records._time(Block[Position]);
            return true;
        }

        /// <summary>Reads on (the moment held back first); false at the end of the source.</summary>
        private bool Fill()
        {
            var kept = _filled - _ready;
            Array.Copy(Block, _ready, Block, 0, kept);
            _filled = kept;
            Position = 0;
            _ready = 0;
            while (true)
            {
                if (_filled == Block.Length)
                {
                    var larger = new T[Block.Length * 2];
                    Array.Copy(Block, larger, _filled);
                    Block = larger;
                }

                var read = source.Read(_next, Block.AsSpan(_filled));
                _next += read;
                _filled += read;
                if (_filled == 0)
                {
                    return false;
                }

                if (_next == source.Count)
                {
                    _ready = _filled;
                    break;
                }

                // More records follow: the last moment may go on in them, so it is held back (read
                // on into a larger block when one moment fills this one).
                var lastStart = StartOfLastMoment();
                if (lastStart > 0)
                {
                    _ready = lastStart;
                    break;
                }
            }

            OrderMoments();
            HeadTime = records._time(Block[0]);
            return true;
        }

        private int StartOfLastMoment()
        {
            var last = records._time(Block[_filled - 1]);
            var start = _filled - 1;
            while (start > 0 && records._time(Block[start - 1]) == last)
            {
                start--;
            }

            return start;
        }

        /// <summary>Checks the order of time over the ready records and sorts each moment of more than one record.</summary>
        private void OrderMoments()
        {
            var start = 0;
            var time = records._time(Block[0]);
            if (time < _lastTime)
            {
                throw new InvalidOperationException($"An agent's records are not in the order of time ({time} after {_lastTime}).");
            }

            for (var i = 1; i <= _ready; i++)
            {
                var t = i < _ready ? records._time(Block[i]) : double.NaN;
                if (i < _ready && t == time)
                {
                    continue;
                }

                if (i < _ready && t < time)
                {
                    throw new InvalidOperationException($"An agent's records are not in the order of time ({t} after {time}).");
                }

                if (i - start > 1 && !records.Sorted)
                {
                    Block.AsSpan(start, i - start).Sort(records._order);
                }

                start = i;
                time = t;
            }

            _lastTime = records._time(Block[_ready - 1]);
        }
    }
}
