using System.Diagnostics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Grains.Windows;

/// <summary>
/// A replication's windows, planned by the kernel's <see cref="WindowCoordinator"/> and run one
/// slice of wall time at a time, with the trace events that became final meanwhile. The coordinator
/// grain runs a window by calling its groups, a <see cref="SoleGroupRun"/> by calling its agents;
/// the slicing and the trace's merging are this one loop for both, so both give the same bytes.
/// </summary>
public sealed class WindowSlices(WindowCoordinator coordinator, double horizon, bool trace)
{
    private bool _done;

    /// <summary>Where a window's agents' trace events go, in agent order; null without a trace.</summary>
    public TraceMerger? Trace { get; } = trace ? new TraceMerger() : null;

    /// <summary>
    /// Plans and runs windows (<paramref name="runWindow"/>: calls the due agents and applies their
    /// answers) until the horizon or until <paramref name="budget"/> of wall time has passed.
    /// </summary>
    public async ValueTask<CoordinatorProgress> AdvanceAsync(TimeSpan budget, Func<WindowCoordinator, ValueTask> runWindow)
    {
        var clock = Stopwatch.StartNew();
        var trace = new List<TraceEvent>();
        while (!_done && clock.Elapsed < budget)
        {
            if (!coordinator.PlanWindow())
            {
                _done = true;
                break;
            }

            // Nothing can happen before the window's start any more: what came before it is final.
            if (Trace is not null)
            {
                trace.AddRange(Trace.Before(coordinator.Now));
            }

            await runWindow(coordinator);
        }

        if (_done && Trace is not null)
        {
            trace.AddRange(Trace.Before(double.PositiveInfinity));
        }

        return new CoordinatorProgress(coordinator.Now, horizon, coordinator.Events, coordinator.Windows, _done, [.. trace]);
    }
}
