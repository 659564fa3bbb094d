using System.Collections.Concurrent;
using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Hosting;

/// <summary>
/// A closed agent group's results, handed to an engine in the same process as its silo (the
/// embedded silo) as they are, spools and all. Paging a long run's records out of the grain
/// copied every record twice (out of the group's spool into a page, then into a spool of the
/// engine's own): for M/M/3's million customers, 128 MB read and written again per replication.
/// Whoever takes a group's results out of the handover owns them and disposes them: the engine
/// with its replication's result, or the group on release when no engine here took them (the
/// engine is a client elsewhere and read them page by page).
/// </summary>
public sealed class RecordHandover
{
    private readonly ConcurrentDictionary<string, AgentResult[]> _closed = new();

    /// <summary>Groups whose results are waiting to be taken (for tests).</summary>
    public int Waiting => _closed.Count;

    /// <summary>Puts a closed group's results, in the group's order, under its grain key.</summary>
    public void Offer(string group, AgentResult[] results)
    {
        if (!_closed.TryAdd(group, results))
        {
            throw new InvalidOperationException($"The agent group '{group}' was closed twice.");
        }
    }

    /// <summary>Takes a group's results, which the caller then owns; false if there are none (taken already, or the group is on another silo).</summary>
    public bool TryTake(string group, out AgentResult[] results) => _closed.TryRemove(group, out results!);
}
