namespace IsdnSim.Runner.Telemetry;

/// <summary>What an OTLP export delivered: project traces and spans sent, spans the receiver did not take, and whether everything was flushed.</summary>
internal sealed record OtlpOutcome(long Traces, long Spans, long FailedSpans, bool SpansFlushed, bool MetricsSent);
