using System.Diagnostics;

namespace IsdnSim.Runner.Hosting;

/// <summary>
/// With ISDNSIM_TIMINGS=1 in the environment, one line on standard error per phase of a command
/// (wall time since the process started, its CPU time so far, the garbage collector's pauses and
/// collections by generation, the bytes allocated and the heap after the last collection, the time
/// the JIT compiler took on all threads and the methods it compiled), to see
/// where a short run's time goes between process start and exit (BENCHMARKS.md, start-up). Off, it
/// costs one environment read.
/// </summary>
public static class PhaseTimings
{
    private static readonly bool s_on = Environment.GetEnvironmentVariable("ISDNSIM_TIMINGS") == "1";

    /// <summary>Writes "isdnsim: timing: PHASE at W ms wall, C ms CPU, GC ..." when switched on.</summary>
    public static void Mark(string phase)
    {
        if (!s_on)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var wall = (DateTime.Now - process.StartTime).TotalMilliseconds;
        Console.Error.WriteLine($"isdnsim: timing: {phase} at {wall:0} ms wall, {process.TotalProcessorTime.TotalMilliseconds:0} ms CPU, " +
                                $"GC {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused ({GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}), {GC.GetTotalAllocatedBytes() >> 20} MiB allocated, heap {GC.GetGCMemoryInfo().HeapSizeBytes >> 20} MiB, " +
                                $"JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms ({System.Runtime.JitInfo.GetCompiledMethodCount():0} methods)");
    }
}
