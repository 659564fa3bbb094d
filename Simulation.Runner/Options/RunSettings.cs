using System.ComponentModel;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Runner.Telemetry;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Options;

/// <summary>The options of <c>isdnsim run</c>.</summary>
public sealed class RunSettings : EngineSettings
{
    [CommandOption("-r|--replications <N>")]
    [Description("Number of independent replications (replaces the scenario's own).")]
    public int? Replications { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Result folder; must not exist or be empty. Default: results/<scenario>-<date>-<time>.")]
    public string? Out { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Replications run at the same time (default: one per core in-process, two per core and silo on Orleans).")]
    public int? Parallel { get; init; }

    [CommandOption("--no-progress")]
    [Description("Do not show a progress bar.")]
    public bool NoProgress { get; init; }

    [CommandOption("--trace <PATH>")]
    [Description("Write a trace of one replication (every file sent, queue change, start and end of work, council session) as JSON lines to PATH (.jsonl, or .jsonl.gz compressed); see docs/trace-format.md.")]
    public string? Trace { get; init; }

    [CommandOption("--trace-replication <N>")]
    [Description("The replication to trace (default 0).")]
    public int? TraceReplication { get; init; }

    [CommandOption("--trace-limit <SIZE>")]
    [Description("Stop the run when the trace file reaches this size, e.g. 200MB or 2GB (default 1GB).")]
    public string? TraceLimit { get; init; }

    [CommandOption("--otlp <ENDPOINT>")]
    [Description("Send OpenTelemetry traces (one per project, a span per step, in simulated calendar time) and metrics to this OTLP receiver, e.g. http://localhost:4317; see docs/telemetry.md.")]
    public string? Otlp { get; init; }

    [CommandOption("--otlp-protocol <PROTOCOL>")]
    [Description("grpc (default, usually port 4317) or http/protobuf (usually port 4318; /v1/traces and /v1/metrics are added to the endpoint).")]
    public string? OtlpProtocol { get; init; }

    [CommandOption("--trace-runtime")]
    [Description("With --otlp, also send Orleans' own activities (grain calls, propagated between silo and client) and its meter.")]
    public bool TraceRuntime { get; init; }

    public override ValidationResult Validate()
    {
        if (Otlp is null && (OtlpProtocol is not null || TraceRuntime))
        {
            return ValidationResult.Error("--otlp-protocol and --trace-runtime go with --otlp ENDPOINT");
        }

        if (Otlp is not null && OtlpExport.ParseEndpoint(Otlp) is null)
        {
            return ValidationResult.Error($"--otlp: expected the absolute http:// or https:// address of an OTLP receiver, such as http://localhost:4317, found '{Otlp}'");
        }

        if (OtlpProtocol is not null && OtlpExport.ParseProtocol(OtlpProtocol) is null)
        {
            return ValidationResult.Error($"--otlp-protocol must be 'grpc' or 'http/protobuf', found '{OtlpProtocol}'{DidYouMean.Hint(OtlpProtocol, ["grpc", "http/protobuf"])}");
        }

        if (TraceRuntime && Engine != "orleans")
        {
            return ValidationResult.Error("--trace-runtime needs --engine orleans: the in-process engine has no Orleans runtime to trace");
        }

        if (Trace is null && (TraceReplication is not null || TraceLimit is not null))
        {
            return ValidationResult.Error("--trace-replication and --trace-limit go with --trace PATH");
        }

        if (Trace is not null && !(Trace.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || Trace.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)))
        {
            return ValidationResult.Error($"--trace: the file must end in .jsonl or .jsonl.gz, found '{Trace}'");
        }

        if (TraceLimit is not null && Sizes.TryParse(TraceLimit) is null)
        {
            return ValidationResult.Error($"--trace-limit: expected a size such as 500MB or 2GB, found '{TraceLimit}'");
        }

        if (Replications is < 1 or > ScenarioLimits.MaxReplications)
        {
            return ValidationResult.Error($"--replications must be between 1 and {ScenarioLimits.MaxReplications:N0}, found {Replications}");
        }

        if (Parallel is < 1)
        {
            return ValidationResult.Error($"--parallel must be at least 1, found {Parallel}");
        }

        return base.Validate();
    }
}
