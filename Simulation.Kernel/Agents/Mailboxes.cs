namespace IsdnSim.Kernel.Agents;

/// <summary>
/// The messages waiting for each agent's next call, first in first out per agent, all in one
/// pool of slots chained by index (a free chain for slots taken back) instead of a list per agent.
/// </summary>
/// <remarks>
/// At 13,000 agents a list per agent (and a second one to swap with) was two objects and an array
/// per agent that a message's routing touched cold: the list, then its array, with the covariant
/// store checks of swapping lists in an array and the copies of each list's growth. Here adding a
/// message reads two small per-agent arrays and writes a slot the free chain handed back last,
/// which is usually still in cache.
/// </remarks>
internal sealed class Mailboxes
{
    private const int None = -1;
    private readonly int[] _head;
    private readonly int[] _tail;
    private Message[] _slots;
    private int[] _nextSlot;
    private int _used;
    private int _free = None;

    public Mailboxes(int agents, int initialSlots = 256)
    {
        _head = new int[agents];
        _tail = new int[agents];
        Array.Fill(_head, None);
        Array.Fill(_tail, None);
        _slots = new Message[Math.Max(1, initialSlots)];
        _nextSlot = new int[_slots.Length];
    }

    /// <summary>Whether the agent has messages waiting.</summary>
    public bool Any(int agent) => _head[agent] != None;

    /// <summary>Appends a message to its receiver's (<see cref="Message.To"/>) mailbox.</summary>
    public void Add(in Message m)
    {
        int slot;
        if (_free != None)
        {
            slot = _free;
            _free = _nextSlot[slot];
        }
        else
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
                Array.Resize(ref _nextSlot, _slots.Length);
            }

            slot = _used++;
        }

        _slots[slot] = m;
        _nextSlot[slot] = None;
        var to = m.To;
        if (_head[to] == None)
        {
            _head[to] = slot;
        }
        else
        {
            _nextSlot[_tail[to]] = slot;
        }

        _tail[to] = slot;
    }

    /// <summary>Appends the agent's messages to <paramref name="into"/> in the order they were added, and empties its mailbox.</summary>
    public void MoveTo(int agent, List<Message> into)
    {
        var head = _head[agent];
        if (head == None)
        {
            return;
        }

        for (var s = head; s != None; s = _nextSlot[s])
        {
            into.Add(_slots[s]);
        }

        // The whole chain goes back to the free chain at once, its first slot (the one touched
        // first when taken again) on top.
        _nextSlot[_tail[agent]] = _free;
        _free = head;
        _head[agent] = None;
        _tail[agent] = None;
    }
}
