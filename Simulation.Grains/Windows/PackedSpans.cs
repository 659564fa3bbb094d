using System.Runtime.CompilerServices;

namespace IsdnSim.Grains.Windows;

/// <summary>
/// A list of spans kept in two arrays, the items one after the other and where each span ends,
/// refilled in place: the inboxes (or outboxes) of all of a group's agents in one window without
/// an array per agent. <see cref="Clear"/> keeps the arrays, so a list used window after window
/// stops allocating once it has grown to the largest window.
/// </summary>
public sealed class PackedSpans<T>
{
    private T[] _items;
    private int[] _ends;

    public PackedSpans()
    {
        _items = [];
        _ends = [];
    }

    private PackedSpans(T[] items, int[] ends)
    {
        _items = items;
        _ends = ends;
        Count = ends.Length;
    }

    /// <summary>Spans in the list.</summary>
    public int Count { get; private set; }

    /// <summary>Items in all spans together.</summary>
    public int ItemCount => Count == 0 ? 0 : _ends[Count - 1];

    /// <summary>The i-th span added since the last <see cref="Clear"/>; valid until the list is cleared.</summary>
    public ReadOnlySpan<T> this[int i]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(i));
            var start = i == 0 ? 0 : _ends[i - 1];
            return _items.AsSpan(start, _ends[i] - start);
        }
    }

    /// <summary>All items, span after span (for serialisation).</summary>
    public ReadOnlySpan<T> Items => _items.AsSpan(0, ItemCount);

    /// <summary>Where each span ends in <see cref="Items"/> (for serialisation).</summary>
    public ReadOnlySpan<int> Ends => _ends.AsSpan(0, Count);

    /// <summary>The list that <see cref="Items"/> and <see cref="Ends"/> describe; takes the arrays over.</summary>
    /// <exception cref="ArgumentException">The ends decrease, or the last is not the number of items.</exception>
    public static PackedSpans<T> Of(T[] items, int[] ends)
    {
        var previous = 0;
        foreach (var end in ends)
        {
            if (end < previous)
            {
                throw new ArgumentException($"The ends of packed spans must not decrease, found {end} after {previous}.", nameof(ends));
            }

            previous = end;
        }

        if (previous != items.Length)
        {
            throw new ArgumentException($"The last span must end at the last item ({items.Length}), found {previous}.", nameof(ends));
        }

        return new PackedSpans<T>(items, ends);
    }

    public void Add(ReadOnlySpan<T> span)
    {
        var start = ItemCount;
        var end = start + span.Length;
        if (end > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(end, 2 * _items.Length));
        }

        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, Math.Max(4, 2 * _ends.Length));
        }

        span.CopyTo(_items.AsSpan(start));
        _ends[Count++] = end;
    }

    /// <summary>Empties the list, keeping its arrays; items that hold references are cleared so they do not keep objects alive.</summary>
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, ItemCount);
        }

        Count = 0;
    }
}
