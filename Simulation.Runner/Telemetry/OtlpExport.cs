using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace IsdnSim.Runner.Telemetry;

/// <summary>
/// Sends a run's telemetry to an OTLP receiver (docs/telemetry.md): the simulated projects'
/// traces and the run's measurements, and with <c>runtime</c> Orleans' own activities and
/// meter. Exists only for <c>--otlp</c>; without it nobody listens and nothing is recorded.
/// </summary>
internal sealed class OtlpExport : IDisposable
{
    /// <summary>The meter of Orleans' runtime counters (grain calls, messaging, activations).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>The most series one instrument may have.</summary>
    public const int MaxSeries = 100_000;

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(60);

    private readonly BlockingBatchExportProcessor _spans;
    private readonly TracerProvider _simulation;
    private readonly TracerProvider? _runtime;
    private readonly MeterProvider _metrics;

    private OtlpExport(Uri endpoint, OtlpExportProtocol protocol, bool runtime, int seriesLimit)
    {
        Endpoint = endpoint;
        Protocol = protocol;
        _spans = new BlockingBatchExportProcessor(new OtlpTraceExporter(Options(endpoint, protocol, "traces")));
        _simulation = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(Describe)
            .AddSource(TelemetryNames.Source)
            .AddProcessor(_spans)
            .Build();

        // Orleans' spans come from many threads all the time; the SDK's usual batches suit them (and may drop some under load).
        _runtime = runtime
            ? Sdk.CreateTracerProviderBuilder()
                .ConfigureResource(Describe)
                .AddSource(ActivitySources.AllActivitySourceName)
                .AddOtlpExporter(o => Configure(o, endpoint, protocol, "traces"))
                .Build()
            : null;

        var meters = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(Describe)
            .AddMeter(TelemetryNames.Meter)
            .AddView(i => i.Meter.Name == TelemetryNames.Meter ? new MetricStreamConfiguration { CardinalityLimit = seriesLimit } : null)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, endpoint, protocol, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000;
            });
        _metrics = (runtime ? meters.AddMeter(OrleansMeter) : meters).Build();
    }

    public Uri Endpoint { get; }

    public OtlpExportProtocol Protocol { get; }

    public string Description => $"{Endpoint} ({(Protocol == OtlpExportProtocol.Grpc ? "OTLP/gRPC" : "OTLP/HTTP")})";

    /// <summary>
    /// Starts listening. <paramref name="series"/> is the most series one of IsdnSim's
    /// instruments may need (agencies, or processes, times replications): beyond the SDK's
    /// default of 2,000 it would fold the rest into one overflow series. The SDK sets memory
    /// aside for every series allowed, so no more than <see cref="MaxSeries"/> are.
    /// </summary>
    public static OtlpExport Start(Uri endpoint, OtlpExportProtocol protocol, bool runtime, long series)
    {
        SimulationTelemetry.VerifyIds();
        return new(endpoint, protocol, runtime, (int)Math.Clamp(series, 2000, MaxSeries));
    }

    /// <summary>Sends what is pending and says what reached the receiver.</summary>
    public OtlpOutcome Flush()
    {
        var ms = (int)FlushTimeout.TotalMilliseconds;
        var spans = _simulation.ForceFlush(ms);
        var runtime = _runtime?.ForceFlush(ms) ?? true;
        var metrics = _metrics.ForceFlush(ms);
        return new OtlpOutcome(_spans.Traces, _spans.Sent, _spans.Failed, spans && runtime, metrics);
    }

    public void Dispose()
    {
        _simulation.Dispose();
        _runtime?.Dispose();
        _metrics.Dispose();
    }

    /// <summary>The endpoint of an OTLP receiver: an absolute http or https address; null if it is not one.</summary>
    public static Uri? ParseEndpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri : null;

    /// <summary>The protocol by its name in OTEL_EXPORTER_OTLP_PROTOCOL: grpc or http/protobuf; null for any other.</summary>
    public static OtlpExportProtocol? ParseProtocol(string text) => text switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };

    /// <summary>For http/protobuf the endpoint is the receiver's base address, and each signal has its own path below it, as with OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public static Uri SignalEndpoint(Uri endpoint, OtlpExportProtocol protocol, string signal) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal) : endpoint;

    private static void Describe(ResourceBuilder resource) =>
        resource.AddService("isdnsim", serviceVersion: ProgramVersion.Text, autoGenerateServiceInstanceId: false);

    private static OtlpExporterOptions Options(Uri endpoint, OtlpExportProtocol protocol, string signal)
    {
        var options = new OtlpExporterOptions();
        Configure(options, endpoint, protocol, signal);
        return options;
    }

    private static void Configure(OtlpExporterOptions options, Uri endpoint, OtlpExportProtocol protocol, string signal)
    {
        options.Protocol = protocol;
        options.Endpoint = SignalEndpoint(endpoint, protocol, signal);
    }
}
