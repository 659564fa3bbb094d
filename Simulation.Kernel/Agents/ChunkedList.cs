namespace IsdnSim.Kernel.Agents;

/// <summary>
/// An append-only list in chunks: growing never copies what is already there, which matters for
/// millions of large records. Chunks start small and double up to a cap, since most agents of a
/// large region record only a handful.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int FirstChunk = 8;
    private const int LargestChunk = 1 << 14;
    private readonly List<T[]> _chunks = [];
    private int _lastCount;

    public int Count { get; private set; }

    public void Add(in T item)
    {
        if (_chunks.Count == 0 || _lastCount == _chunks[^1].Length)
        {
            _chunks.Add(new T[_chunks.Count == 0 ? FirstChunk : Math.Min(LargestChunk, _chunks[^1].Length * 2)]);
            _lastCount = 0;
        }

        _chunks[^1][_lastCount++] = item;
        Count++;
    }

    public T[] ToArray()
    {
        var result = new T[Count];
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            var n = Math.Min(chunk.Length, Count - offset);
            Array.Copy(chunk, 0, result, offset, n);
            offset += n;
        }

        return result;
    }
}
