namespace IsdnSim.Core.Kernel;

/// <summary>
/// An append-only list in fixed-size chunks: growing never copies what is already there, which
/// matters for millions of large records.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkSize = 1 << 14;
    private readonly List<T[]> _chunks = [];
    private int _lastCount = ChunkSize;

    public int Count { get; private set; }

    public void Add(in T item)
    {
        if (_lastCount == ChunkSize)
        {
            _chunks.Add(new T[ChunkSize]);
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
            var n = Math.Min(ChunkSize, Count - offset);
            Array.Copy(chunk, 0, result, offset, n);
            offset += n;
        }

        return result;
    }
}
