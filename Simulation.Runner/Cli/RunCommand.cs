using System.ComponentModel;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Services;
using IsdnSim.Runner.Telemetry;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

public sealed class RunCommand(Consoles consoles) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : EngineSettings
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

    private void Report(OtlpExport telemetry, OtlpOutcome outcome)
    {
        var to = Markup.Escape(telemetry.Description);
        if (outcome.Spans > 0 || outcome.FailedSpans == 0)
        {
            consoles.Out.MarkupLine($"Telemetry: {outcome.Traces:N0} project traces ({outcome.Spans:N0} spans){(outcome.MetricsSent ? " and the run's metrics" : "")} sent to {to}.");
        }

        if (outcome.FailedSpans > 0)
        {
            consoles.Errors.WriteLine($"isdnsim: warning: {outcome.FailedSpans:N0} spans could not be sent to {telemetry.Description}; is an OTLP receiver listening there?");
        }
        else if (!outcome.SpansFlushed)
        {
            consoles.Errors.WriteLine($"isdnsim: warning: not all spans could be sent to {telemetry.Description} in time.");
        }

        if (!outcome.MetricsSent)
        {
            consoles.Errors.WriteLine($"isdnsim: warning: the metrics could not be sent to {telemetry.Description}.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var service = new RunService(consoles);
        if (service.Prepare(settings) is not { } run)
        {
            return ExitCodes.BadInput;
        }

        var model = run.Model;
        var replications = run.Replications;
        var variantText = model.Definition.AppliedVariant is { } v ? $", variant '{v}'" : "";
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(model.Definition.Name)}[/]{Markup.Escape(variantText)}: {replications} replication{(replications == 1 ? "" : "s")} " +
                                $"of {model.Horizon.Days:0.##} days, seed {model.Seed}");
        await using var outcome = await service.RunAsync(run, cancellationToken);
        if (outcome is null)
        {
            return ExitCodes.Interrupted;
        }

        if (outcome.Stopped is { } stopped)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {stopped}");
            consoles.Errors.WriteLine("No results were written: the run did not finish.");
            return ExitCodes.Failure;
        }

        if (outcome.Failed is { } failed)
        {
            consoles.Errors.WriteLine($"isdnsim: error: the run failed: {failed}");
        }

        var interrupted = outcome.Interrupted;
        if (outcome.Summary is not { } summary)
        {
            consoles.Errors.WriteLine(interrupted
                ? "isdnsim: interrupted before replication 0 finished; nothing was written."
                : "isdnsim: replication 0 did not finish; nothing was written.");
            return interrupted ? ExitCodes.Interrupted : ExitCodes.Failure;
        }

        SummaryView.Render(consoles.Out, model, summary);
        if (outcome.Trace is { } trace)
        {
            consoles.Out.MarkupLine($"Trace of replication {run.Traced} in [bold]{Markup.Escape(settings.Trace!)}[/] ({trace.Events:N0} events, {TraceWriter.Size(trace.Bytes)}); replay it with: isdnsim replay {Markup.Escape(settings.Trace!)}");
        }

        consoles.Out.MarkupLine($"Results in [bold]{Markup.Escape(run.OutDir)}[/] (simulated in {outcome.SimulatedSeconds:0.0} s, written in {outcome.TotalSeconds - outcome.SimulatedSeconds:0.0} s).");
        if (outcome.Telemetry is { } telemetry)
        {
            Report(telemetry, telemetry.Flush());
        }

        outcome.Host.ReportReruns(consoles.Errors);
        if (!outcome.Complete)
        {
            var written = outcome.Written;
            var leftOut = outcome.LeftOut;
            var why = interrupted ? "interrupted" : "stopped by the failure";
            consoles.Errors.WriteLine($"isdnsim: {why}: replications 0 to {written - 1} of {replications} finished and were written to {run.OutDir}.");
            if (leftOut.Count > 0)
            {
                consoles.Errors.WriteLine($"Replication{(leftOut.Count == 1 ? "" : "s")} {string.Join(", ", leftOut)} finished too but {(leftOut.Count == 1 ? "is" : "are")} left out: a run's folder holds replications 0 to k-1, so that '--replications k' reproduces it.");
            }

            consoles.Errors.WriteLine($"The folder is reproduced to the byte by: {outcome.Reproduce}");
            consoles.Errors.WriteLine($"For all {replications}, run the command again with another --out (replications are pure functions: the first {written} come out the same).");
            return interrupted ? ExitCodes.Interrupted : ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }
}
