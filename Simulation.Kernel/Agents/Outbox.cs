using System.Runtime.InteropServices;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// The messages an agent sent during its latest call, lent to the engine after the call. Agents
/// called one after another on one thread may share one (each engine copies or routes an agent's
/// messages before it calls the next agent): a large region's agents then write into one list
/// that stays in cache, not each into a list of its own that grows and is cold when called.
/// </summary>
public sealed class Outbox
{
    private readonly List<Message> _messages = [];
    private bool _lent;

    internal void Add(in Message m) => _messages.Add(m);

    /// <summary>The messages sent since the last <see cref="ClearLent"/>, valid until it.</summary>
    internal ReadOnlySpan<Message> Lend()
    {
        _lent = true;
        return CollectionsMarshal.AsSpan(_messages);
    }

    /// <summary>Forgets the messages lent by <see cref="Lend"/>: they have been routed.</summary>
    internal void ClearLent()
    {
        if (_lent)
        {
            _messages.Clear();
            _lent = false;
        }
    }

    /// <summary>Whether nothing has been sent since the last <see cref="ClearLent"/>.</summary>
    internal bool IsEmpty => _messages.Count == 0;

    /// <summary>Messages held: where the next call's messages will start.</summary>
    internal int Count => _messages.Count;

    /// <summary>
    /// Keeps the messages lent so far: the next call of an agent sharing this outbox adds its own
    /// after them instead of clearing them, so a worker thread that calls several agents in one window
    /// lets the window's calls pile up and the engine routes them all after the window.
    /// </summary>
    internal void KeepLent() => _lent = false;

    /// <summary>All messages held, valid until the next call or <see cref="Clear"/>.</summary>
    internal ReadOnlySpan<Message> Held => CollectionsMarshal.AsSpan(_messages);

    /// <summary>Forgets every message held: they have been routed.</summary>
    internal void Clear()
    {
        _messages.Clear();
        _lent = false;
    }
}
