using IsdnSim.Kernel.Agents;

namespace IsdnSim.Analysis.Statistics;

/// <summary>
/// Values read back in ascending order, exactly as sorting all of them would give, with at most
/// one run of <see cref="RunLength"/> values in memory: an external merge sort. Exact quantiles
/// and a mean summed in ascending order (as <c>Array.Sort</c> then <c>Average</c> did) need
/// every value, and a long replication has a million lead times; a full run is sorted and goes
/// to a spool (on disk past its bound), and reading merges the sorted runs.
/// </summary>
public sealed class SortedSample : IDisposable
{
    /// <summary>Values sorted in memory at a time: 512 KiB.</summary>
    public const int DefaultRunLength = 1 << 16;

    private const int ReadBlock = 2048;
    private double[] _run = new double[16];
    private int _inRun;
    private RecordSpool<double>? _runs;

    public SortedSample(int runLength = DefaultRunLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runLength);
        RunLength = runLength;
    }

    public int RunLength { get; }

    public long Count => (_runs?.Count ?? 0) + _inRun;

    public void Add(double value)
    {
        if (_inRun == _run.Length)
        {
            if (_run.Length < RunLength)
            {
                Array.Resize(ref _run, Math.Min(RunLength, _run.Length * 2));
            }
            else
            {
                // A full run, sorted, goes to the spool; the spool's runs lie one after the other, each RunLength long.
                Array.Sort(_run);
                _runs ??= new RecordSpool<double>(ReadBlock);
                foreach (var v in _run)
                {
                    _runs.Add(v);
                }

                _inRun = 0;
            }
        }

        _run[_inRun++] = value;
    }

    /// <summary>Every value, ascending.</summary>
    public IEnumerable<double> Ascending()
    {
        Array.Sort(_run, 0, _inRun);
        if (_runs is null)
        {
            for (var i = 0; i < _inRun; i++)
            {
                yield return _run[i];
            }

            yield break;
        }

        // Merge the spooled runs and the one in memory. Equal values are equal bits (lead times
        // are never -0 or NaN), so which run gives one first changes nothing read.
        var runs = (int)(_runs.Count / RunLength);
        var cursors = new RunCursor[runs + 1];
        var heads = new PriorityQueue<int, double>(runs + 1);
        for (var r = 0; r < runs; r++)
        {
            cursors[r] = new RunCursor(_runs, (long)r * RunLength, RunLength);
        }

        cursors[runs] = new RunCursor(_run, _inRun);
        for (var r = 0; r <= runs; r++)
        {
            if (cursors[r].TryNext(out var v))
            {
                heads.Enqueue(r, v);
            }
        }

        while (heads.TryDequeue(out var r, out var v))
        {
            yield return v;
            if (cursors[r].TryNext(out var next))
            {
                heads.Enqueue(r, next);
            }
        }
    }

    /// <summary>
    /// In one ascending pass: the count, the sum in ascending order, and the type 7 quantiles at
    /// <paramref name="probabilities"/> (<see cref="Quantiles.OfSorted"/>), NaN when empty.
    /// </summary>
    public SortedSummary Summarise(params double[] probabilities)
    {
        var n = Count;
        var positions = probabilities.Select(p => Quantiles.Position(checked((int)Math.Max(n, 1)), p)).ToArray();
        var lower = new double[positions.Length];
        var upper = new double[positions.Length];
        double sum = 0;
        long index = 0;
        foreach (var v in Ascending())
        {
            sum += v;
            for (var q = 0; q < positions.Length; q++)
            {
                if (positions[q].Lower == index)
                {
                    lower[q] = v;
                }

                if (positions[q].Upper == index)
                {
                    upper[q] = v;
                }
            }

            index++;
        }

        var quantiles = new double[positions.Length];
        for (var q = 0; q < positions.Length; q++)
        {
            quantiles[q] = n == 0 ? double.NaN : Quantiles.Interpolate(lower[q], upper[q], positions[q].Fraction);
        }

        return new SortedSummary(n, sum, quantiles);
    }

    /// <summary>How many values are at most <paramref name="limit"/>.</summary>
    public long CountAtMost(double limit) => Ascending().TakeWhile(v => v <= limit).LongCount();

    public void Dispose()
    {
        _runs?.Dispose();
        _runs = null;
        _run = [];
        _inRun = 0;
    }

    /// <summary>Reads one sorted run a block at a time, from the spool or from memory.</summary>
    private sealed class RunCursor
    {
        private readonly RecordSpool<double>? _spool;
        private readonly double[] _buffer;
        private long _next;
        private readonly long _end;
        private int _position;
        private int _filled;

        public RunCursor(RecordSpool<double> spool, long start, int length)
        {
            _spool = spool;
            _buffer = new double[Math.Min(ReadBlock, length)];
            _next = start;
            _end = start + length;
        }

        public RunCursor(double[] values, int count)
        {
            _buffer = values;
            _filled = count;
        }

        public bool TryNext(out double value)
        {
            if (_position == _filled && _spool is not null && _next < _end)
            {
                _filled = _spool.Read(_next, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, _end - _next)));
                _next += _filled;
                _position = 0;
            }

            if (_position < _filled)
            {
                value = _buffer[_position++];
                return true;
            }

            value = 0;
            return false;
        }
    }
}

/// <summary>What <see cref="SortedSample.Summarise"/> read: the count, the sum in ascending order and the quantiles asked for.</summary>
public readonly record struct SortedSummary(long Count, double Sum, double[] Quantiles)
{
    /// <summary>The sum over the count, NaN when empty (as <c>Average</c> of the sorted values).</summary>
    public double Mean => Count > 0 ? Sum / Count : double.NaN;
}
