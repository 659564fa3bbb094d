using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace IsdnSim.Presentation.Tracing;

/// <summary>A trace file read back: its header, its events in order, and whether it is complete.</summary>
public sealed record TraceFile(TraceInfo Info, IReadOnlyList<TraceRecord> Events, bool Complete, string? EndReason);

/// <summary>The header of a trace: the run, the region's agents and agencies, the processes and their steps.</summary>
public sealed record TraceInfo(
    string Scenario,
    string File,
    string Hash,
    string? Variant,
    ulong Seed,
    int Replication,
    DateOnly Start,
    double HorizonDays,
    IReadOnlyList<TraceAgent> Agents,
    IReadOnlyList<TraceProcess> Processes);

public sealed record TraceAgent(string Id, string Name, string Kind, string Level, string? Parent, IReadOnlyList<TraceAgency> Agencies);

public sealed record TraceAgency(string Id, string Name, int Staff, bool Council);

public sealed record TraceProcess(string Id, string Name, IReadOnlyList<TraceStep> Steps);

public sealed record TraceStep(string Id, string Name, string Kind, IReadOnlyList<string> After);

/// <summary>One event line; fields the event kind does not have are null (docs/trace-format.md).</summary>
public sealed record TraceRecord(double T, string Date, string Ev, string Agent)
{
    public string? Agency { get; init; }

    public string? Project { get; init; }

    public string? Step { get; init; }

    public int? Segment { get; init; }

    public string? To { get; init; }

    public string? Message { get; init; }

    public double? Arrives { get; init; }

    public string? Work { get; init; }

    public int? Queue { get; init; }

    public int? Busy { get; init; }

    public double? Effort { get; init; }

    public bool Held { get; init; }

    public int? Decided { get; init; }

    public double? Days { get; init; }

    public string? Process { get; init; }

    public string? Owner { get; init; }

    public double? Lead { get; init; }

    public int? Asked { get; init; }

    /// <summary>For ask: when silence counts as approval.</summary>
    public double? Deadline { get; init; }

    /// <summary>For ask: when the working group meets on it.</summary>
    public double? MeetingAt { get; init; }
}

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
                    info = Header(o);
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

    private static TraceInfo Header(JsonElement o)
    {
        if (!o.TryGetProperty("trace", out var t) || t.GetString() != "isdnsim")
        {
            throw new FormatException("the first line is not an isdnsim trace header");
        }

        if (o.GetProperty("format").GetInt32() != TraceWriter.Format)
        {
            throw new FormatException($"trace format {o.GetProperty("format").GetInt32()}; this version reads format {TraceWriter.Format}");
        }

        return new TraceInfo(
            o.GetProperty("scenario").GetString()!,
            o.GetProperty("file").GetString()!,
            o.GetProperty("hash").GetString()!,
            o.GetProperty("variant").ValueKind == JsonValueKind.Null ? null : o.GetProperty("variant").GetString(),
            o.GetProperty("seed").GetUInt64(),
            o.GetProperty("replication").GetInt32(),
            DateOnly.ParseExact(o.GetProperty("start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            o.GetProperty("horizon_days").GetDouble(),
            [.. o.GetProperty("agents").EnumerateArray().Select(a => new TraceAgent(
                a.GetProperty("id").GetString()!,
                a.GetProperty("name").GetString()!,
                a.GetProperty("kind").GetString()!,
                a.GetProperty("level").GetString()!,
                a.TryGetProperty("parent", out var p) ? p.GetString() : null,
                [.. a.GetProperty("agencies").EnumerateArray().Select(g => new TraceAgency(
                    g.GetProperty("id").GetString()!, g.GetProperty("name").GetString()!, g.GetProperty("staff").GetInt32(), g.GetProperty("council").GetBoolean()))]))],
            [.. o.GetProperty("processes").EnumerateArray().Select(p => new TraceProcess(
                p.GetProperty("id").GetString()!,
                p.GetProperty("name").GetString()!,
                [.. p.GetProperty("steps").EnumerateArray().Select(s => new TraceStep(
                    s.GetProperty("id").GetString()!, s.GetProperty("name").GetString()!, s.GetProperty("kind").GetString()!,
                    [.. s.GetProperty("after").EnumerateArray().Select(x => x.GetString()!)]))]))]);
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
        };
    }
}
