using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Grains.Windows;

/// <summary>
/// The windows of a replication whose agents are all in one group (<see cref="AgentGroups.Count"/>
/// gives one group up to <see cref="AgentGroups.AgentsPerGroup"/> agents), run inside that group:
/// the kernel's <see cref="WindowCoordinator"/> plans each window and its due agents are called
/// straight away, as the in-process engine calls them. A small region's window is a few dozen
/// events, so one grain call from the coordinator per window (the rural district: about 1,740 a
/// replication) cost more than the agents' work; here it is one call per slice of wall time. The
/// window's share, the agents' order, the trace's merging and the answers' application are those
/// of the coordinator grain with several groups, so the bytes are the same.
/// </summary>
public sealed class SoleGroupRun
{
    private readonly WindowSlices _slices;
    private readonly WindowCalls _calls;

    /// <param name="calls">All of the replication's agents (agent a at index a) and the threads a large window is spread over; <paramref name="firsts"/> the agents' first events' times.</param>
    public SoleGroupRun(SimulationModel model, long maxEventsPerWindow, WindowCalls calls, ReadOnlySpan<double> firsts, bool trace)
    {
        var agents = calls.Agents;
        if (agents.Length != model.Agents.Count || firsts.Length != agents.Length)
        {
            throw new ArgumentException($"A replication in one group needs all {model.Agents.Count} agents and their first times; got {agents.Length} and {firsts.Length}.");
        }

        var coordinator = new WindowCoordinator(model, maxEventsPerWindow);
        for (var a = 0; a < agents.Length; a++)
        {
            coordinator.SetInitial(a, firsts[a]);
        }

        (_slices, _calls) = (new WindowSlices(coordinator, model.Horizon.Days, trace), calls);
    }

    /// <summary>Closes all the replication's agents, spread over the window threads (<see cref="WindowCalls.Close"/>); agent a's result at index a.</summary>
    public AgentResult[] Close(double horizon) => _calls.Close(horizon);

    /// <summary>Windows whose calls were spread over the threads (<see cref="WindowCalls.SpreadWindows"/>).</summary>
    public long SpreadWindows => _calls.SpreadWindows;

    /// <summary>Runs windows until the horizon or until <paramref name="budget"/> of wall time has passed; the trace events that are final.</summary>
    public ValueTask<CoordinatorProgress> AdvanceAsync(TimeSpan budget) => _slices.AdvanceAsync(budget, RunWindow);

    /// <summary>The window's due agents called as the in-process engine calls them (a large window spread over the threads, the answers applied in due order): nothing awaits, so the slice runs straight through.</summary>
    private ValueTask RunWindow(WindowCoordinator coordinator)
    {
        _calls.Run(coordinator, _slices.Trace);
        return ValueTask.CompletedTask;
    }
}
