using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Presentation.Tracing;

/// <summary>
/// Writes a trace as JSON lines (docs/trace-format.md), gzip-compressed when the path ends in
/// .gz, while the run goes: a header with the region and processes, one line per event in the
/// merged order, and a last line that says whether the trace is complete. It stops with
/// <see cref="TraceLimitException"/> before the file grows past its limit.
/// </summary>
public sealed class TraceWriter : ITraceSink, IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
    private static readonly string[] MessageNames = ["step-ready", "consult", "consult-reply", "rework", "rework-done", "support", "support-reply"];
    private static readonly string[] WorkNames = ["step", "consult", "rework", "support", "background"];
    private static readonly string[] ReasonNames = ["", "illness", "leave", "vacancy"];

    private readonly SimulationModel _model;
    private readonly CountingStream _file;
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly long _limit;
    private readonly ProjectNames _projectNames;
    private double _last;
    private bool _closed;

    private TraceWriter(SimulationModel model, string path, long limit)
    {
        _model = model;
        _limit = limit;
        _file = new CountingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
        _stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(_file, CompressionLevel.Optimal, leaveOpen: true) : _file;
        _json = new Utf8JsonWriter(_stream, Options);
        _projectNames = new ProjectNames(model);
    }

    public long Events { get; private set; }

    /// <summary>Bytes on disk so far (compressed, for .gz; up to the compressor's buffer).</summary>
    public long Bytes => _file.Written;

    /// <summary>Starts a trace file with its header; <paramref name="limit"/> is the most bytes it may take on disk.</summary>
    public static TraceWriter Create(string path, SimulationModel model, TraceHeader header, long limit)
    {
        var writer = new TraceWriter(model, path, limit);
        writer.WriteHeader(header);
        return writer;
    }

    public void Write(ReadOnlySpan<TraceEvent> events)
    {
        foreach (ref readonly var e in events)
        {
            if (_file.Written >= _limit)
            {
                Close(complete: false, $"the trace reached its limit of {Size(_limit)}");
                throw new TraceLimitException(
                    $"the trace reached its limit of {Size(_limit)} at simulated day {e.Time:0.#} ({Date(e.Time):yyyy-MM-dd}) after {Events:N0} events; " +
                    "the run was stopped there and the file holds it up to that point. Trace a shorter --horizon, or allow more with --trace-limit.");
            }

            WriteEvent(e);
            _last = e.Time;
            Events++;
        }
    }

    /// <summary>Ends the file with a line that says the trace is complete.</summary>
    public void Complete() => Close(complete: true, null);

    public void Dispose()
    {
        if (!_closed)
        {
            Close(complete: false, "the run did not finish");
        }
    }

    private void Close(bool complete, string? reason)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _json.WriteStartObject();
        _json.WriteString("ev", "trace-end");
        _json.WriteNumber("t", _last);
        _json.WriteNumber("events", Events);
        _json.WriteBoolean("complete", complete);
        if (reason is not null)
        {
            _json.WriteString("reason", reason);
        }

        _json.WriteEndObject();
        EndLine();
        _json.Dispose();
        if (!ReferenceEquals(_stream, _file))
        {
            _stream.Dispose();
        }

        _file.Dispose();
    }

    private void WriteHeader(TraceHeader header)
    {
        TraceInfo.Of(_model, header).Write(_json);
        EndLine();
    }

    private void WriteEvent(in TraceEvent e)
    {
        var agent = _model.Agents[e.Agent];
        _json.WriteStartObject();
        _json.WriteNumber("t", e.Time);
        _json.WriteString("date", Date(e.Time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _json.WriteString("ev", Name(e.Kind));
        _json.WriteString("agent", agent.Id);
        if (e.Agency >= 0)
        {
            _json.WriteString("agency", agent.Agencies[e.Agency].Id);
        }

        if (e.HasProject)
        {
            _json.WriteString("project", _projectNames.Of(e.Project));
            if (e.Step >= 0)
            {
                _json.WriteString("step", _model.Processes[e.Project.Process].Steps[e.Step].Id);
            }

            if (e.Segment >= 0)
            {
                _json.WriteNumber("segment", e.Segment);
            }
        }

        switch (e.Kind)
        {
            case TraceKind.Arrive:
                _json.WriteString("process", _model.Processes[e.Project.Process].Id);
                _json.WriteString("owner", _model.Agents[e.Peer].Id);
                break;
            case TraceKind.Send:
                _json.WriteString("to", _model.Agents[e.Peer].Id);
                _json.WriteString("message", MessageNames[e.Detail]);
                _json.WriteNumber("arrives", e.Value);
                break;
            case TraceKind.Enqueue or TraceKind.Start or TraceKind.End or TraceKind.Drop:
                _json.WriteString("work", WorkNames[e.Detail]);
                _json.WriteNumber("queue", e.Queue);
                if (e.Busy >= 0)
                {
                    _json.WriteNumber("busy", e.Busy);
                }

                if (e.Kind == TraceKind.Start)
                {
                    _json.WriteNumber("effort", e.Value);
                }
                else if (e.Kind == TraceKind.Enqueue && e.Value > 0)
                {
                    _json.WriteBoolean("held", true);
                }

                break;
            case TraceKind.Session:
                _json.WriteNumber("decided", e.Peer);
                _json.WriteNumber("queue", e.Queue);
                break;
            case TraceKind.StepDone:
                _json.WriteNumber("days", e.Value);
                break;
            case TraceKind.Period:
                _json.WriteNumber("until", e.Value);
                break;
            case TraceKind.Return:
                _json.WriteString("to", _model.Agents[e.Peer].Id);
                break;
            case TraceKind.Finish:
                _json.WriteString("process", _model.Processes[e.Project.Process].Id);
                _json.WriteNumber("lead", e.Value);
                break;
            case TraceKind.Ask:
                _json.WriteNumber("asked", e.Peer);
                if (e.Detail == 1)
                {
                    _json.WriteNumber("meeting", e.Value);
                }
                else if (double.IsFinite(e.Value))
                {
                    _json.WriteNumber("deadline", e.Value);
                }

                break;
            case TraceKind.Away or TraceKind.Back:
                _json.WriteNumber("post", e.Peer);
                _json.WriteString("reason", ReasonNames[e.Detail]);
                _json.WriteNumber("present", e.Value);
                _json.WriteNumber("queue", e.Queue);
                _json.WriteNumber("busy", e.Busy);
                break;
            default:
                break;
        }

        _json.WriteEndObject();
        EndLine();
    }

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _stream.WriteByte((byte)'\n');
    }

    private DateOnly Date(double t) => new SimTime(t).ToDate(_model.Start);

    public static string Name(TraceKind kind) => kind switch
    {
        TraceKind.Arrive => "arrive",
        TraceKind.Send => "send",
        TraceKind.Enqueue => "enqueue",
        TraceKind.Start => "start",
        TraceKind.End => "end",
        TraceKind.Session => "session",
        TraceKind.StepDone => "step-done",
        TraceKind.Return => "return",
        TraceKind.Lapsed => "lapsed",
        TraceKind.Meeting => "meeting",
        TraceKind.Ask => "ask",
        TraceKind.Period => "period",
        TraceKind.Deemed => "deemed",
        TraceKind.Drop => "drop",
        TraceKind.Away => "away",
        TraceKind.Back => "back",
        _ => "finish",
    };

    public static string Size(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GiB"
        : bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.#} MiB"
        : $"{bytes / 1024.0:0.#} KiB";

    /// <summary>Counts the bytes that reach the file.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
