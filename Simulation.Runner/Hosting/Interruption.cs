using System.Runtime.InteropServices;

namespace IsdnSim.Runner.Hosting;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (kill, timeout, a container stopping) both cancel the command's
/// token: it stops its work, keeps what is finished and says how to resume. A second signal ends
/// the process at once, and so does a command that has not stopped within <see cref="Grace"/>.
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>How long a command may take to stop after the first signal before the process is ended.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(4);

    private static int s_holds;

    private readonly CancellationTokenSource _source = new(); // never disposed: see Dispose
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;
    private volatile bool _disposed;

    public Interruption()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Signal => Volatile.Read(ref _signal) is 0 ? null : (PosixSignal)Volatile.Read(ref _signal);

    /// <summary>The exit code for a command that stopped because of <see cref="Signal"/>: 130 for SIGINT, 143 for SIGTERM (128 + the signal's number).</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    private void OnSignal(PosixSignalContext context)
    {
        if (_disposed)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            // The second signal: the default action, which ends the process.
            return;
        }

        context.Cancel = true;
        _source.Cancel();
        var code = ExitCode;
        var watchdog = new Thread(() =>
        {
            Thread.Sleep(Grace);
            while (Volatile.Read(ref s_holds) > 0 && !_disposed)
            {
                Thread.Sleep(100);
            }

            if (!_disposed)
            {
                Console.Error.WriteLine($"isdnsim: did not stop within {Grace.TotalSeconds:0} s of the signal; ending now. Finished work already written stays.");
                Environment.Exit(code);
            }
        })
        { IsBackground = true, Name = "isdnsim interruption watchdog" };
        watchdog.Start();
    }

    /// <summary>
    /// While the returned scope is open, the process is not ended for taking too long: finished
    /// work is being written, and ending now would lose it (a second signal still ends it at once).
    /// </summary>
    public static IDisposable WritingResults()
    {
        Interlocked.Increment(ref s_holds);
        return new Hold();
    }

    private sealed class Hold : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref s_holds);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        // The source is not disposed: a signal handler running right now may still cancel it.
    }
}
