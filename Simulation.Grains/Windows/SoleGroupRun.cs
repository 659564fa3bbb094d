using System.Diagnostics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

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
    private readonly WindowCoordinator _coordinator;
    private readonly AgentRuntime[] _agents;
    private readonly TraceMerger? _trace;
    private readonly double _horizon;
    private bool _done;

    /// <param name="agents">All of the replication's agents, agent a at index a; <paramref name="firsts"/> their first events' times.</param>
    public SoleGroupRun(SimulationModel model, long maxEventsPerWindow, AgentRuntime[] agents, ReadOnlySpan<double> firsts, bool trace)
    {
        if (agents.Length != model.Agents.Count || firsts.Length != agents.Length)
        {
            throw new ArgumentException($"A replication in one group needs all {model.Agents.Count} agents and their first times; got {agents.Length} and {firsts.Length}.");
        }

        _coordinator = new WindowCoordinator(model, maxEventsPerWindow);
        for (var a = 0; a < agents.Length; a++)
        {
            _coordinator.SetInitial(a, firsts[a]);
        }

        (_agents, _trace, _horizon) = (agents, trace ? new TraceMerger() : null, model.Horizon.Days);
    }

    /// <summary>Runs windows until the horizon or until <paramref name="budget"/> of wall time has passed; the trace events that are final.</summary>
    public CoordinatorProgress Advance(TimeSpan budget)
    {
        var coordinator = _coordinator;
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
            if (_trace is not null)
            {
                trace.AddRange(_trace.Before(coordinator.Now));
            }

            var share = coordinator.Share;
            for (var i = 0; i < coordinator.DueCount; i++)
            {
                var (a, until) = coordinator.Due(i);
                var agent = _agents[a];
                var events = agent.Advance(until, coordinator.Inbox(i), share, out var next, out var outbox);
                _trace?.Add(agent.DrainTrace());
                coordinator.Apply(a, next, events, outbox);
            }
        }

        if (_done && _trace is not null)
        {
            trace.AddRange(_trace.Before(double.PositiveInfinity));
        }

        return new CoordinatorProgress(coordinator.Now, _horizon, coordinator.Events, coordinator.Windows, _done, [.. trace]);
    }
}
