using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// An append-only sequence of fixed-size records that keeps at most <see cref="MemoryLimit"/> of
/// them in memory and writes the rest, a block at a time, to a temporary file of its own: a
/// replication's finished projects and steps grow with its length, and holding them all (about
/// 128 bytes each) made a long run's memory grow with it. The records are written as their raw
/// bytes, so what is read back is bit for bit what was added.
/// </summary>
/// <remarks>
/// The in-memory block starts small and doubles up to <see cref="MemoryLimit"/>, since most
/// agents of a large region record only a handful and never touch the disk. The file is deleted
/// as soon as it is opened (it lives on while its handle is open), so nothing is left behind
/// when the process dies; <see cref="Dispose"/> releases it at once, the finaliser of the handle
/// otherwise. Adding is for one thread; once adding is done, any number of readers may read at
/// the same time (each read names its own file offset).
/// </remarks>
public sealed class RecordSpool<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The most records held in memory; the default is 128 KiB of project records, so that several replications at a time stay small.</summary>
    public const int DefaultMemoryLimit = 1024;

    private const int FirstBlock = 8;
    private static readonly int RecordSize = Unsafe.SizeOf<T>();

    private T[] _block = [];
    private int _inBlock;
    private long _spilled;
    private FileStream? _file;

    // The file's handle, kept: FileStream.SafeFileHandle flushes and seeks each time it is asked, and a long run spills a block every 1,024 records.
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;

    public RecordSpool(int memoryLimit = DefaultMemoryLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryLimit);
        MemoryLimit = memoryLimit;
    }

    public int MemoryLimit { get; }

    public long Count => _spilled + _inBlock;

    /// <summary>Whether some records went to the file (for tests and measurements).</summary>
    public bool Spilled => _spilled > 0;

    /// <summary>A spool holding <paramref name="records"/>, in their order.</summary>
    public static RecordSpool<T> Of(IEnumerable<T> records, int memoryLimit = DefaultMemoryLimit)
    {
        var spool = new RecordSpool<T>(memoryLimit);
        foreach (var r in records)
        {
            spool.Add(r);
        }

        return spool;
    }

    public void Add(in T item)
    {
        if (_inBlock == _block.Length)
        {
            Grow();
        }

        _block[_inBlock++] = item;
    }

    /// <summary>Copies the records from <paramref name="offset"/> on into <paramref name="destination"/>; returns how many there were (fewer at the end).</summary>
    public int Read(long offset, Span<T> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var n = (int)Math.Min(destination.Length, Math.Max(0, Count - offset));
        var done = 0;
        if (offset < _spilled)
        {
            var fromFile = (int)Math.Min(n, _spilled - offset);
            var bytes = MemoryMarshal.AsBytes(destination[..fromFile]);
            var position = offset * RecordSize;
            while (bytes.Length > 0)
            {
                var read = RandomAccess.Read(_handle!, bytes, position);
                if (read <= 0)
                {
                    throw new IOException("A record spool's file ended early.");
                }

                bytes = bytes[read..];
                position += read;
            }

            done = fromFile;
        }

        if (done < n)
        {
            var start = (int)(offset + done - _spilled);
            _block.AsSpan(start, n - done).CopyTo(destination[done..]);
        }

        return n;
    }

    /// <summary>The records in the order they were added, read in blocks.</summary>
    public IEnumerable<T> Records(int blockSize = 512)
    {
        var buffer = new T[(int)Math.Max(1, Math.Min(blockSize, Count))];
        for (long offset = 0; offset < Count;)
        {
            var n = Read(offset, buffer);
            for (var i = 0; i < n; i++)
            {
                yield return buffer[i];
            }

            offset += n;
        }
    }

    public T[] ToArray()
    {
        var all = new T[Count];
        Read(0, all);
        return all;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        _handle = null;
        _block = [];
        _inBlock = 0;
        _spilled = 0;
    }

    private void Grow()
    {
        if (_block.Length < MemoryLimit)
        {
            var larger = new T[Math.Min(MemoryLimit, Math.Max(FirstBlock, _block.Length * 2))];
            _block.AsSpan(0, _inBlock).CopyTo(larger);
            _block = larger;
            return;
        }

        // The block is full at the limit: it goes to the end of the file and is used again.
        if (_handle is null)
        {
            _file = OpenFile();
            _handle = _file.SafeFileHandle;
        }

        RandomAccess.Write(_handle, MemoryMarshal.AsBytes(_block.AsSpan(0, _inBlock)), _spilled * RecordSize);
        _spilled += _inBlock;
        _inBlock = 0;
    }

    private static FileStream OpenFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"isdnsim-{Guid.NewGuid():N}.records");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, bufferSize: 0);
        File.Delete(path);
        return file;
    }
}
