using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace IsdnSim.Kernel.Agents.Runtime;

/// <summary>
/// The threads that call a spread window's agents (<see cref="WindowCalls"/>): the calling thread as
/// thread 0 and helper threads of the team's own as 1 to n-1, each running the same body with its
/// number. Between windows a helper spins for a short while before it sleeps, as the next window
/// usually comes after the coordinator's planning, about 100 microseconds: a thread pool worker
/// handed each window anew (<see cref="Parallel"/>.For before) had gone to sleep by then and was woken
/// 30-60 microseconds late on average (BENCHMARKS.md, twelfth round). Spinning is left out
/// when the team has more threads than the machine has cores, where it would take a core from a
/// thread with work. The calling thread, done with its share, takes over the share of a helper that
/// has not begun the window yet (it was asleep, or the machine is busy), as <c>Parallel.For</c> ran a
/// worker's share that had not started: a window never waits for a thread to wake up only to find
/// nothing left to do. A helper that has had no window while it spun and then slept for
/// <see cref="IdleExit"/> ends, and <see cref="End"/> ends them all; a window after either starts
/// them again. While it waits, a helper may be given idle work (the window calls' helpers hint
/// the state of the next window's agents while the coordinator plans it).
/// </summary>
internal sealed class WindowTeam
{
    /// <summary>How long a helper, or the calling thread waiting for the helpers, spins before it sleeps: a few of Germany's gaps between windows.</summary>
    internal static readonly TimeSpan SpinFor = TimeSpan.FromMicroseconds(250);

    /// <summary>How long a helper sleeps without a window, after it spun, before it ends (a replication that stopped without <see cref="End"/>).</summary>
    internal static readonly TimeSpan IdleExit = TimeSpan.FromMilliseconds(200);

    private readonly Action<int> _body;
    private readonly Func<int, long, bool>? _idle;
    private readonly long _spinTicks = (long)(SpinFor.TotalSeconds * Stopwatch.Frequency);
    private readonly object _gate = new();
    private readonly ManualResetEventSlim[] _wake;
    private readonly bool[] _running;
    private readonly ManualResetEventSlim _done = new(false);

    // The last window each helper's share was taken in, by the helper or by the calling thread (see Claim).
    private readonly long[] _claimed;

    // Windows handed out, and ends (both written under _gate); Run returns only when every share is
    // done (_pending, counted down atomically), so each share of a window is run once.
    private long _window;
    private bool _ended;
    private int _pending;
    private ExceptionDispatchInfo? _failed;
    private int _failedBy;

    /// <summary>
    /// A team of <paramref name="threads"/> threads (the caller's and threads - 1 helpers) running
    /// <paramref name="body"/>. <paramref name="idle"/>, if given, is work a helper may do while it
    /// waits for the next window, with its number (from 0) and the last window it has seen: hints
    /// only, nothing a window depends on. It is asked before each spin, again at once while it
    /// answers that it did something, and it must return soon after <see cref="Window"/> has moved
    /// past the window it was given.
    /// </summary>
    public WindowTeam(int threads, Action<int> body, Func<int, long, bool>? idle = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 2);
        _body = body;
        _idle = idle;
        Spins = threads <= Environment.ProcessorCount;
        _wake = [.. Enumerable.Range(0, threads - 1).Select(_ => new ManualResetEventSlim(false, spinCount: 0))];
        _running = new bool[threads - 1];
        _claimed = new long[threads - 1];
    }

    /// <summary>The last window handed out (or end): a helper's idle work stops once it moves on.</summary>
    internal long Window => Volatile.Read(ref _window);

    /// <summary>Whether the helpers, and the caller waiting for them, spin before they sleep.</summary>
    internal bool Spins { get; }

    /// <summary>Helper threads running now (started and not ended).</summary>
    internal int Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Count(r => r);
            }
        }
    }

    /// <summary>
    /// Runs the body once for every thread number of the team, the caller's as 0, and returns when all
    /// are done; an exception a helper's body threw is thrown here then (the first helper's by number).
    /// </summary>
    public void Run()
    {
        long window;
        _failed = null;
        Volatile.Write(ref _pending, _wake.Length);
        lock (_gate)
        {
            // Handed out under the gate, where a helper that slept too long decides to end: it either
            // ends before this window (and is started again here) or sees it.
            _ended = false;
            window = ++_window;
            for (var h = 0; h < _running.Length; h++)
            {
                if (!_running[h])
                {
                    var (helper, seen) = (h, window - 1);
                    new Thread(() => Help(helper, seen)) { IsBackground = true, Name = $"isdnsim window thread {helper + 1}" }.Start();
                    _running[h] = true;
                }
            }
        }

        foreach (var wake in _wake)
        {
            wake.Set();
        }

        try
        {
            _body(0);

            // The shares no helper has begun yet are run here: with the window's work all taken, a
            // share that begins now finds nothing left, and waiting for its thread to wake would be
            // all it cost.
            for (var h = 0; h < _claimed.Length; h++)
            {
                if (Claim(h, window))
                {
                    RunShare(h);
                }
            }
        }
        finally
        {
            AwaitHelpers();
        }

        if (_failed is { } failed)
        {
            _failed = null;
            failed.Throw();
        }
    }

    /// <summary>Ends the helpers (they end when they next look); a later <see cref="Run"/> starts them again.</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
            _window++;
        }

        foreach (var wake in _wake)
        {
            wake.Set();
        }
    }

    private void AwaitHelpers()
    {
        var start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _pending) != 0)
        {
            if (SpunOnce(start))
            {
                continue;
            }

            // A helper sets _done after it counts itself done; one of an earlier window may set it
            // late, so it is cleared and the count read again (after a full fence) before sleeping.
            _done.Reset();
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _pending) != 0)
            {
                _done.Wait();
            }
        }
    }

    /// <summary>Spins a moment and gives true while the team spins and <see cref="SpinFor"/> has not passed since <paramref name="start"/>; false when it is time to sleep.</summary>
    private bool SpunOnce(long start)
    {
        if (!Spins || Stopwatch.GetTimestamp() - start >= _spinTicks)
        {
            return false;
        }

        Thread.SpinWait(16);
        return true;
    }

    /// <summary>Takes helper <paramref name="helper"/>'s share of <paramref name="window"/>: true for the one thread, the helper or the caller, that asks first.</summary>
    private bool Claim(int helper, long window)
    {
        var last = Volatile.Read(ref _claimed[helper]);
        return last < window && Interlocked.CompareExchange(ref _claimed[helper], window, last) == last;
    }

    /// <summary>Runs helper <paramref name="helper"/>'s share and counts it done; an exception is kept for <see cref="Run"/> (the first helper's by number).</summary>
    private void RunShare(int helper)
    {
        try
        {
            _body(helper + 1);
        }
        catch (Exception e)
        {
            var error = ExceptionDispatchInfo.Capture(e);
            lock (_gate)
            {
                if (_failed is null || helper < _failedBy)
                {
                    (_failed, _failedBy) = (error, helper);
                }
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }

    private void Help(int helper, long seen)
    {
        while ((seen = AwaitWindow(helper, seen)) >= 0)
        {
            if (Claim(helper, seen))
            {
                RunShare(helper);
            }
        }
    }

    /// <summary>
    /// Waits for a window after <paramref name="seen"/> and gives its number, or -1 when the helper is
    /// to end instead (ended, or no window for <see cref="IdleExit"/>).
    /// </summary>
    private long AwaitWindow(int helper, long seen)
    {
        var wake = _wake[helper];
        var start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _window) == seen)
        {
            // Idle work done counts as a window: the helper spins anew after it.
            if (_idle is not null && _idle(helper, seen))
            {
                start = Stopwatch.GetTimestamp();
                continue;
            }

            if (SpunOnce(start))
            {
                continue;
            }

            // Cleared, then the window read again after a full fence: a window handed out meanwhile
            // either is seen here or sets the event after it was cleared.
            wake.Reset();
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _window) == seen && !wake.Wait(IdleExit))
            {
                lock (_gate)
                {
                    if (_window == seen)
                    {
                        _running[helper] = false;
                        return -1;
                    }
                }
            }
        }

        // The window as handed out last, under the gate: one ended (End) is not called, and an End
        // followed by a window counts as that window alone.
        lock (_gate)
        {
            if (_ended)
            {
                _running[helper] = false;
                return -1;
            }

            return _window;
        }
    }
}
