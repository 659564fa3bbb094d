using System.IO.Compression;
using System.Text.Json;

namespace IsdnSim.Presentation.Tracing;

/// <summary>Reads trace files (.jsonl or .jsonl.gz); a line it cannot read is reported with its number.</summary>
public static class TraceReader
{
    public static TraceFile Read(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream);
        return Read(reader, path);
    }

    public static TraceFile Read(TextReader reader, string name)
    {
        var lineNumber = 0;
        string? line;
        TraceInfo? info = null;
        var events = new List<TraceRecord>();
        var complete = false;
        string? reason = null;
        var ended = false;
        string? cut = null;
        while ((line = NextLine(reader, ref cut)) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                if (info is null)
                {
                    info = TraceInfo.Read(o);
                    continue;
                }

                var ev = o.GetProperty("ev").GetString()!;
                if (ev == "trace-end")
                {
                    ended = true;
                    complete = o.GetProperty("complete").GetBoolean();
                    reason = o.TryGetProperty("reason", out var r) ? r.GetString() : null;
                    break;
                }

                events.Add(Event(o, ev));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A run that was killed leaves its last line half-written: that is the end of the trace, not an error.
                if (info is not null && NextLine(reader, ref cut) is null)
                {
                    cut = $"line {lineNumber} was cut off: the run ended abruptly";
                    break;
                }

                throw new InvalidDataException($"{name}:{lineNumber}: not a line of an isdnsim trace ({e.Message})");
            }
        }

        if (info is null)
        {
            throw new InvalidDataException($"{name}: empty; an isdnsim trace starts with a header line");
        }

        return new TraceFile(info, events, complete, ended ? reason : cut ?? "the file ends without its last line: the run was cut off");
    }

    /// <summary>The next line, or null at the end; a compressed file that stops mid-stream ends there, with <paramref name="cut"/> saying so.</summary>
    private static string? NextLine(TextReader reader, ref string? cut)
    {
        if (cut is not null)
        {
            return null;
        }

        try
        {
            return reader.ReadLine();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            cut = "the compressed file ends abruptly: the run was cut off";
            return null;
        }
    }

    private static TraceRecord Event(JsonElement o, string ev)
    {
        string? S(string key) => o.TryGetProperty(key, out var v) ? v.GetString() : null;
        int? I(string key) => o.TryGetProperty(key, out var v) ? v.GetInt32() : null;
        double? D(string key) => o.TryGetProperty(key, out var v) ? v.GetDouble() : null;
        return new TraceRecord(o.GetProperty("t").GetDouble(), o.GetProperty("date").GetString()!, ev, o.GetProperty("agent").GetString()!)
        {
            Agency = S("agency"),
            Project = S("project"),
            Step = S("step"),
            Segment = I("segment"),
            To = S("to"),
            Message = S("message"),
            Arrives = D("arrives"),
            Work = S("work"),
            Queue = I("queue"),
            Busy = I("busy"),
            Effort = D("effort"),
            Held = o.TryGetProperty("held", out var h) && h.GetBoolean(),
            Decided = I("decided"),
            Days = D("days"),
            Process = S("process"),
            Owner = S("owner"),
            Lead = D("lead"),
            Asked = I("asked"),
            Deadline = D("deadline"),
            MeetingAt = D("meeting"),
            Until = D("until"),
        };
    }
}
