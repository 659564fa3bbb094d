using System.Globalization;
using System.Text;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Reads the text of a scenario file: at most <see cref="ScenarioLimits.MaxFileBytes"/>, counted
/// as it is read (a pipe or /dev/zero has no length to check first), and strictly UTF-8 (with or
/// without a byte order mark), so that a Latin-1 file is named as such instead of read as
/// mojibake. Every way this can fail becomes one <see cref="ScenarioException"/>.
/// </summary>
internal static class ScenarioFileReader
{
    private const int Chunk = 81_920;

    public static string Read(string path)
    {
        byte[] bytes;
        int length;
        try
        {
            if (path.Length == 0)
            {
                throw Problem(path, SourcePosition.Unknown, "the file name is empty");
            }

            if (Directory.Exists(path))
            {
                throw Problem(path, SourcePosition.Unknown, $"'{UserText.Shorten(path)}' is a folder, not a scenario file");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            (bytes, length) = ReadAtMost(stream, ScenarioLimits.MaxFileBytes + 1);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Problem(path, SourcePosition.Unknown, MissingFile.NotFound(path));
        }
        catch (PathTooLongException)
        {
            throw Problem(path, SourcePosition.Unknown, $"the path is too long for this system ({path.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)");
        }
        catch (UnauthorizedAccessException)
        {
            throw Problem(path, SourcePosition.Unknown, "permission denied: cannot read the file");
        }
        catch (IOException e)
        {
            throw Problem(path, SourcePosition.Unknown, $"cannot read the file: {WithoutPath(e.Message, path)}");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Problem(path, SourcePosition.Unknown, "not a valid file name (it contains a character no path may hold)");
        }

        var content = bytes.AsSpan(0, length);
        if (length > ScenarioLimits.MaxFileBytes)
        {
            content = content[..ScenarioLimits.MaxFileBytes];
            throw Problem(path, PositionAfter(content),
                $"the file is larger than {ScenarioLimits.MaxFileBytes / (1024 * 1024)} MiB, the limit for a scenario (the largest shipped one, germany.yaml, has 3.7 MB): is it the right file?");
        }

        return Decode(path, content);
    }

    private static (byte[] Bytes, int Length) ReadAtMost(Stream stream, int max)
    {
        // A file that tells its length is read into a buffer of that length and one byte more (where
        // the read finds its end): Germany's 3.9 MB grew from 80 KB by doubling, 10 MB of large
        // objects. The count below still decides: a file that grows meanwhile grows the buffer, and
        // one that tells no length (a pipe; /proc's files and devices tell 0) starts with a chunk.
        var known = stream.CanSeek ? stream.Length : 0;
        var bytes = new byte[known > 0 ? (int)Math.Min(max, known + 1) : Math.Min(max, Chunk)];
        var length = 0;
        while (length < max)
        {
            if (length == bytes.Length)
            {
                Array.Resize(ref bytes, (int)Math.Min(max, 2L * bytes.Length));
            }

            var read = stream.Read(bytes, length, bytes.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return (bytes, length);
    }

    private static string Decode(string path, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw Problem(path, new SourcePosition(1, 1),
                "the file is UTF-16; a scenario file must be UTF-8: convert it, e.g. with 'iconv -f utf-16 -t utf-8 OLD > NEW'");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(content))
        {
            var at = FirstInvalid(content);
            throw Problem(path, PositionAfter(content[..at]),
                $"the file is not valid UTF-8 (byte 0x{content[at]:X2} here); a scenario file must be UTF-8: if it is Latin-1 (ISO 8859-1), convert it with 'iconv -f latin1 -t utf-8 OLD > NEW'");
        }

        return Encoding.UTF8.GetString(content);
    }

    private static int FirstInvalid(ReadOnlySpan<byte> content)
    {
        var at = 0;
        while (System.Text.Rune.DecodeFromUtf8(content[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        return at;
    }

    /// <summary>The line and column of the character that follows <paramref name="before"/>; a column counts characters, not bytes.</summary>
    private static SourcePosition PositionAfter(ReadOnlySpan<byte> before)
    {
        var lines = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            // A UTF-8 continuation byte (10xxxxxx) is part of the character before it.
            column += (b & 0xC0) == 0x80 ? 0 : 1;
        }

        return new SourcePosition(lines + 1, column);
    }

    /// <summary>.NET's I/O messages quote the full path; the diagnostic names the file already, shortened.</summary>
    private static string WithoutPath(string message, string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
        {
            full = path;
        }

        return message.Replace($"'{full}'", "it").Replace($"'{path}'", "it").TrimEnd('.');
    }

    private static ScenarioException Problem(string path, SourcePosition at, string message) =>
        new([new ScenarioDiagnostic(path, at, message)]);
}
