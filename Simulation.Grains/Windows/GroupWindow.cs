using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Windows;

/// <summary>
/// One window's work for one agent group: its due agents in agent order, each with the time
/// before which it processes everything and its inbox, and the events each may process. Packed
/// into a few arrays instead of a call object and an inbox array per agent: a Germany-scale
/// replication calls about a million agents, and those objects and copies were most of what the
/// Orleans engine allocated beyond the in-process engine (BENCHMARKS.md, the Orleans engine's
/// first replication). A coordinator keeps one per group and refills it every window; the group
/// reads it only during its call, and the coordinator awaits the answer before refilling it.
/// </summary>
public sealed class GroupWindow
{
    private readonly PackedSpans<Message> _inboxes;
    private int[] _agents;
    private double[] _until;

    public GroupWindow()
    {
        _inboxes = new PackedSpans<Message>();
        _agents = [];
        _until = [];
    }

    private GroupWindow(int[] agents, double[] until, PackedSpans<Message> inboxes, long maxEvents)
    {
        if (agents.Length != until.Length || agents.Length != inboxes.Count)
        {
            throw new ArgumentException($"A group's window needs as many bounds ({until.Length}) and inboxes ({inboxes.Count}) as agents ({agents.Length}).");
        }

        (_agents, _until, _inboxes, MaxEvents, Count) = (agents, until, inboxes, maxEvents, agents.Length);
    }

    /// <summary>Agents called.</summary>
    public int Count { get; private set; }

    /// <summary>Events each agent called may process (at least one; the window's share).</summary>
    public long MaxEvents { get; private set; }

    /// <summary>The agents called, in agent order.</summary>
    public ReadOnlySpan<int> Agents => _agents.AsSpan(0, Count);

    /// <summary>The time before which each agent processes everything.</summary>
    public ReadOnlySpan<double> Until => _until.AsSpan(0, Count);

    /// <summary>The agents' inboxes.</summary>
    public PackedSpans<Message> Inboxes => _inboxes;

    /// <summary>A window put together from its parts (when it crossed a silo boundary).</summary>
    public static GroupWindow Of(int[] agents, double[] until, PackedSpans<Message> inboxes, long maxEvents) => new(agents, until, inboxes, maxEvents);

    /// <summary>Empties the window for the next, whose agents may each process <paramref name="maxEvents"/> events.</summary>
    public void Start(long maxEvents)
    {
        _inboxes.Clear();
        Count = 0;
        MaxEvents = maxEvents;
    }

    /// <summary>Adds an agent to call (after those added before it in the window: agent order).</summary>
    public void Add(int agent, double until, ReadOnlySpan<Message> inbox)
    {
        if (Count == _agents.Length)
        {
            var size = Math.Max(4, 2 * Count);
            Array.Resize(ref _agents, size);
            Array.Resize(ref _until, size);
        }

        _agents[Count] = agent;
        _until[Count] = until;
        _inboxes.Add(inbox);
        Count++;
    }
}
