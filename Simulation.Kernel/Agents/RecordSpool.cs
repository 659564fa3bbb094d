using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// An append-only sequence of fixed-size records that keeps at most <see cref="MemoryLimit"/> of
/// them in memory and writes the rest, a block at a time, to a temporary file of its own: a
/// replication's finished projects and steps grow with its length, and holding them all (about
/// 128 bytes each) made a long run's memory grow with it. What is read back is bit for bit what
/// was added: small records go to the file as their raw bytes, records of 8 to 32 words (8 bytes
/// each; a project or step record) as the words that differ from the record before.
/// </summary>
/// <remarks>
/// The in-memory block starts small and doubles up to <see cref="MemoryLimit"/>, since most
/// agents of a large region record only a handful and never touch the disk. The file is deleted
/// as soon as it is opened (it lives on while its handle is open), so nothing is left behind
/// when the process dies; <see cref="Dispose"/> releases it at once, the finaliser of the handle
/// otherwise. Adding is for one thread; once adding is done, any number of readers may read at
/// the same time (each read names its own file offset).
/// <para>
/// Why the differences: a million-project M/M/c run spilled 136 MB of project records a run, and
/// copying them into the operating system's page cache cost 5 to 20 % of its CPU time, the more
/// the busier the machine's memory. Consecutive records share most of their words (owner,
/// process, the parts of the path that stay zero, deadline, shock, counts), so each record is
/// written as a 32-bit mask of its words that differ from the record before and those words XOR
/// the earlier ones (about 56 bytes of an M/M/c project's 136). The chain starts afresh in each
/// block spilled (<see cref="MemoryLimit"/> records), so a read decodes from its block's start.
/// </para>
/// </remarks>
public sealed class RecordSpool<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The most records held in memory; the default is 128 KiB of project records, so that several replications at a time stay small.</summary>
    public const int DefaultMemoryLimit = 1024;

    private const int FirstBlock = 8;
    private static readonly int RecordSize = Unsafe.SizeOf<T>();
    private static readonly int Words = RecordSize / sizeof(ulong);

    // Whether spilled blocks are written as differences (see the remarks): records of whole
    // words, enough of them to pay for the mask, few enough for one 32-bit mask.
    private static readonly bool Differenced = RecordSize % sizeof(ulong) == 0 && Words is >= 8 and <= 32;
    private static readonly ulong[] Zeros = new ulong[Words];

    private T[] _block = [];
    private int _inBlock;
    private long _spilled;
    private FileStream? _file;

    // The file's handle, kept: FileStream.SafeFileHandle flushes and seeks each time it is asked, and a long run spills a block every 1,024 records.
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;

    // Differenced only: where each spilled block ends in the file (block k holds records
    // k * MemoryLimit onwards), and the buffer a block is encoded into.
    private readonly List<long> _blockEnds = [];
    private byte[]? _encoded;

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

    public void Add(in T item) => Append() = item;

    /// <summary>
    /// The place of a new record at the end, to be written once (<c>spool.Append() = new T(...)</c>):
    /// a record built elsewhere and passed to <see cref="Add"/> was copied as a whole right after
    /// its fields were written, which the processor cannot forward from the stores still pending
    /// and waits for (once per finished project).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Append()
    {
        if (_inBlock == _block.Length)
        {
            Grow();
        }

        return ref _block[_inBlock++];
    }

    /// <summary>Copies the records from <paramref name="offset"/> on into <paramref name="destination"/>; returns how many there were (fewer at the end).</summary>
    public int Read(long offset, Span<T> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var n = (int)Math.Min(destination.Length, Math.Max(0, Count - offset));
        var done = 0;
        if (offset < _spilled && Differenced)
        {
            done = ReadDifferenced(offset, destination[..(int)Math.Min(n, _spilled - offset)]);
        }
        else if (offset < _spilled)
        {
            var fromFile = (int)Math.Min(n, _spilled - offset);
            ReadFully(MemoryMarshal.AsBytes(destination[..fromFile]), offset * RecordSize);
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
        // Whole spilled blocks at a time, each decoded once.
        if (Differenced && Spilled)
        {
            blockSize = Math.Max(blockSize, MemoryLimit);
        }

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
        _blockEnds.Clear();
        _encoded = null;
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

        if (Differenced)
        {
            var encoded = _encoded ??= new byte[MemoryLimit * (sizeof(uint) + RecordSize)];
            var length = Encode(MemoryMarshal.Cast<T, ulong>(_block.AsSpan(0, _inBlock)), encoded);
            var at = _blockEnds.Count > 0 ? _blockEnds[^1] : 0;
            RandomAccess.Write(_handle, encoded.AsSpan(0, length), at);
            _blockEnds.Add(at + length);
        }
        else
        {
            RandomAccess.Write(_handle, MemoryMarshal.AsBytes(_block.AsSpan(0, _inBlock)), _spilled * RecordSize);
        }

        _spilled += _inBlock;
        _inBlock = 0;
    }

    /// <summary>
    /// Writes each record (<see cref="Words"/> words) as the mask of its words that differ from the
    /// record before (the first: from zero) and their differences (XOR); returns the bytes written.
    /// </summary>
    /// <remarks>
    /// Without a branch per word: each difference is written, and the position moves past it only
    /// if it is not zero. The output holds a mask and all words per record, so the write of a last
    /// difference that is then not kept stays inside it.
    /// </remarks>
    internal static int Encode(ReadOnlySpan<ulong> words, Span<byte> output)
    {
        if (output.Length < words.Length / Words * (sizeof(uint) + RecordSize))
        {
            throw new ArgumentException("The output cannot hold every word of every record.", nameof(output));
        }

        return EncodeRecords(words, output, wide: true);
    }

    /// <summary>
    /// <see cref="Encode"/>, without the check of the output's size. With <paramref name="wide"/>
    /// and where the processor has AVX-512, eight words at a time: the differences of eight words
    /// at once, the mask of those not zero, and the differences kept packed to the front of a
    /// vector (compress) and stored whole, the position moving past those kept; the words past the
    /// last eight (and all of them otherwise) one at a time. The same bytes either way (a test
    /// compares them), eight at a time at a fraction of the time: a word at a time cost some 60
    /// cycles a project record, 10 % of an M/M/c run.
    /// </summary>
    /// <remarks>
    /// Without a branch per word: each difference is written, and the position moves past it only
    /// if it is not zero. A whole vector is stored where fewer words are kept; it ends at most at
    /// the record's eight words after those before it. Both stay within the mask and all words
    /// that the output holds per record.
    /// </remarks>
    internal static int EncodeRecords(ReadOnlySpan<ulong> words, Span<byte> output, bool wide)
    {
        var records = words.Length / Words;
        ref var o = ref MemoryMarshal.GetReference(output);
        ref var current = ref MemoryMarshal.GetReference(words);
        ref var previous = ref MemoryMarshal.GetArrayDataReference(Zeros); // the first record differs from zero
        var at = 0;
        for (var r = 0; r < records; r++)
        {
            var maskAt = at;
            at += sizeof(uint);
            var mask = 0u;
            var j = 0;
            for (; wide && Avx512F.IsSupported && j + Vector512<ulong>.Count <= Words; j += Vector512<ulong>.Count)
            {
                var difference = Vector512.LoadUnsafe(ref current, (nuint)j) ^ Vector512.LoadUnsafe(ref previous, (nuint)j);
                var differs = ~Vector512.Equals(difference, Vector512<ulong>.Zero);
                Avx512F.Compress(Vector512<ulong>.Zero, differs, difference).StoreUnsafe(ref Unsafe.As<byte, ulong>(ref Unsafe.Add(ref o, at)));
                var bits = (uint)differs.ExtractMostSignificantBits();
                mask |= bits << j;
                at += BitOperations.PopCount(bits) * sizeof(ulong);
            }

            for (; j < Words; j++)
            {
                var difference = Unsafe.Add(ref current, j) ^ Unsafe.Add(ref previous, j);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, at), difference);
                var differs = difference != 0 ? 1 : 0;
                mask |= (uint)differs << j;
                at += differs * sizeof(ulong);
            }

            Unsafe.WriteUnaligned(ref Unsafe.Add(ref o, maskAt), mask);
            previous = ref current;
            current = ref Unsafe.Add(ref current, Words);
        }

        return at;
    }

    /// <summary>
    /// Decodes the records of an encoded block (<see cref="Encode"/>) from its start: the first
    /// <paramref name="skip"/> are passed over, the next go to <paramref name="destination"/>.
    /// </summary>
    internal static void Decode(ReadOnlySpan<byte> input, int skip, Span<ulong> destination)
    {
        var previous = new ulong[Words];
        var records = skip + (destination.Length / Words);
        var at = 0;
        for (var r = 0; r < records; r++)
        {
            var mask = MemoryMarshal.Read<uint>(input[at..]);
            at += sizeof(uint);
            while (mask != 0)
            {
                previous[BitOperations.TrailingZeroCount(mask)] ^= MemoryMarshal.Read<ulong>(input[at..]);
                at += sizeof(ulong);
                mask &= mask - 1;
            }

            if (r >= skip)
            {
                previous.CopyTo(destination[((r - skip) * Words)..]);
            }
        }
    }

    // Reads the spilled records from offset on into destination (all of it spilled), block by block.
    private int ReadDifferenced(long offset, Span<T> destination)
    {
        var done = 0;
        byte[]? bytes = null;
        try
        {
            while (done < destination.Length)
            {
                var record = offset + done;
                var block = (int)(record / MemoryLimit);
                var skip = (int)(record - ((long)block * MemoryLimit));
                var take = Math.Min(destination.Length - done, MemoryLimit - skip);
                var start = block > 0 ? _blockEnds[block - 1] : 0;
                var length = (int)(_blockEnds[block] - start);
                if (bytes is null || bytes.Length < length)
                {
                    if (bytes is not null)
                    {
                        ArrayPool<byte>.Shared.Return(bytes);
                    }

                    bytes = ArrayPool<byte>.Shared.Rent(length);
                }

                ReadFully(bytes.AsSpan(0, length), start);
                Decode(bytes.AsSpan(0, length), skip, MemoryMarshal.Cast<T, ulong>(destination.Slice(done, take)));
                done += take;
            }
        }
        finally
        {
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        return done;
    }

    private void ReadFully(Span<byte> bytes, long position)
    {
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
    }

    private static FileStream OpenFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"isdnsim-{Guid.NewGuid():N}.records");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, bufferSize: 0);
        File.Delete(path);
        return file;
    }
}
