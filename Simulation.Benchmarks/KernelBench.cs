using System.Diagnostics;
using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Benchmarks;

/// <summary>
/// The simulation kernel alone, in-process: one scenario compiled once, then replication 0 run
/// several times after a warm-up run, each timed by the process's CPU time as well as the wall
/// clock (CPU time is what a busy machine disturbs least), with the bytes it allocated.
/// <c>isdnsim-bench kernel FILE [HORIZON_DAYS] [RUNS]</c>, e.g. <c>kernel scenarios/mmc.yaml 370370 10</c>.
/// </summary>
internal static class KernelBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: isdnsim-bench kernel FILE [HORIZON_DAYS] [RUNS]");
            return 2;
        }

        var scenario = ScenarioLoader.LoadFile(args[0]);
        double? horizon = args.Length > 1 && args[1] != "-" ? double.Parse(args[1], CultureInfo.InvariantCulture) : null;
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var spec = RunSpec.From(scenario, new ScenarioOverrides(HorizonDays: horizon));
        var model = spec.Compile();
        var process = Process.GetCurrentProcess();
        var cpu = new List<double>();
        var wall = new List<double>();
        long allocated = 0;
        long events = 0;
        long windows = 0;
        for (var run = 0; run <= runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var (cpuBefore, allocatedBefore) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
            var clock = Stopwatch.StartNew();
            var result = InProcessEngine.Run(spec, model, 0);
            var elapsed = clock.Elapsed.TotalSeconds;
            process.Refresh();
            if (run > 0)
            {
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
                wall.Add(elapsed);
                allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                events = result.Events;
                windows = result.Windows;
            }
        }

        static string Spread(List<double> v)
        {
            var s = v.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{s[0]:0.000} / {s[s.Count / 2]:0.000} / {s[^1]:0.000}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kernel {args[0]}: {runs} runs, {events:N0} events in {windows:N0} windows; CPU s (min / median / max) {Spread(cpu)}; wall s {Spread(wall)}; allocated per run {allocated / (1024.0 * 1024.0) / runs:0.0} MiB"));
        return 0;
    }
}
