using System.Globalization;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// The share of the processors' time a virtual machine's host took for others while a suite ran
/// ("steal" in Linux's /proc/stat): a busy host slows every figure the same way a busy machine does,
/// but the load average does not show it.
/// </summary>
public static class CpuSteal
{
    /// <summary>The stolen and the total clock ticks of all processors from /proc/stat's first line ("cpu  user nice system idle iowait irq softirq steal ..."); null for any other line.</summary>
    public static (long Steal, long Total)? Parse(string statLine)
    {
        var fields = statLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 9 || fields[0] != "cpu")
        {
            return null;
        }

        // user, nice, system, idle, iowait, irq, softirq, steal; guest time is already counted in user.
        var ticks = new long[8];
        for (var i = 0; i < ticks.Length; i++)
        {
            if (!long.TryParse(fields[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
            {
                return null;
            }
        }

        return (ticks[7], ticks.Sum());
    }

    /// <summary>The stolen share between two readings, as "12.3 %"; "-" when either is missing or no time passed.</summary>
    public static string Share((long Steal, long Total)? before, (long Steal, long Total)? after)
    {
        if (before is not { } b || after is not { } a || a.Total <= b.Total)
        {
            return "-";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{100.0 * (a.Steal - b.Steal) / (a.Total - b.Total):0.0} %");
    }
}
