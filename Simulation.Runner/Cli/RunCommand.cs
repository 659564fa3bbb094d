using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Telemetry;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Runner.Display;
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

    /// <summary>Why the trace cannot be written as asked, or null.</summary>
    private static string? TraceProblem(string path, int replication, int replications)
    {
        if (replication < 0 || replication >= replications)
        {
            return $"--trace-replication must be between 0 and {replications - 1} (the run has {replications} replication{(replications == 1 ? "" : "s")}), found {replication}";
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            return $"--trace: '{path}' already exists; choose another file, or remove it";
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            return $"--trace: the folder '{folder}' does not exist";
        }

        return AtomicOutput.CheckWritable(folder) is not null ? $"--trace: cannot write '{path}': the folder '{folder}' does not take new files" : null;
    }

    /// <summary>The command line that gives the same result files: the scenario, variant, seed, replications and time span, every one spelt out.</summary>
    private static string ReproduceCommand(Settings settings, SimulationModel model, int replications)
    {
        static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '+')
            ? arg
            : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
        var parts = new List<string> { "isdnsim", "run", Quote(settings.File) };
        if (model.Definition.AppliedVariant is { } variant)
        {
            parts.AddRange(["--variant", Quote(variant)]);
        }

        parts.AddRange(["--seed", model.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--replications", replications.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (settings.Horizon is { } horizon)
        {
            parts.AddRange(["--horizon", Quote(horizon)]);
        }

        if (settings.Warmup is { } warmup)
        {
            parts.AddRange(["--warmup", Quote(warmup)]);
        }

        return string.Join(' ', parts);
    }

    /// <summary>Sends a finished replication's telemetry; its steps were recorded only for that and are let go.</summary>
    private static ReplicationResult Recorded(SimulationModel model, ReplicationResult result)
    {
        SimulationTelemetry.Record(model, result);
        return result with { Steps = [] };
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
        var scenario = ScenarioInput.Load(settings.File, consoles);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var outDir = settings.Out ?? ExperimentRun.DefaultFolder(settings.File);
        if (AtomicOutput.CheckTarget(outDir) is { } outProblem)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.ShortenQuoted(outProblem)}");
            return ExitCodes.BadInput;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, settings.Replications, consoles);
        if (overrides is null)
        {
            return ExitCodes.BadInput;
        }

        // Step spans need every step recorded; without --otlp nothing is recorded or listened to.
        var otlp = settings.Otlp is { } endpoint ? OtlpExport.ParseEndpoint(endpoint) : null;
        var spec = RunSpec.From(scenario, overrides, otlp is null ? null : new AgentOptions(RecordSteps: true));
        var model = spec.Compile();
        var replications = model.Definition.Replications;
        var traced = settings.TraceReplication ?? 0;
        if (settings.Trace is { } tracePath && TraceProblem(tracePath, traced, replications) is { } traceProblem)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.ShortenQuoted(traceProblem)}");
            return ExitCodes.BadInput;
        }

        var variantText = model.Definition.AppliedVariant is { } v ? $", variant '{v}'" : "";
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(model.Definition.Name)}[/]{Markup.Escape(variantText)}: {replications} replication{(replications == 1 ? "" : "s")} " +
                                $"of {model.Horizon.Days:0.##} days, seed {model.Seed}");
        using var telemetry = otlp is null
            ? null
            : OtlpExport.Start(otlp, OtlpExport.ParseProtocol(settings.OtlpProtocol ?? "grpc")!.Value, settings.TraceRuntime,
                series: (long)Math.Max(model.Agents.Sum(a => a.Agencies.Count), model.Processes.Count) * replications);
        EngineHost startedHost;
        try
        {
            startedHost = await EngineHost.StartAsync(settings, cancellationToken, consoles, activityPropagation: settings.TraceRuntime);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Errors.WriteLine("isdnsim: interrupted while the engine started; nothing was run or written.");
            return ExitCodes.Interrupted;
        }

        await using var host = startedHost;
        var parallel = Math.Min(settings.Parallel ?? host.DefaultParallelism, replications);

        var clock = Stopwatch.StartNew();
        var finished = new ConcurrentDictionary<int, ReplicationResult>();
        var interrupted = false;
        string? stopped = null;
        string? failed = null;
        using var traceWriter = settings.Trace is { } path
            ? TraceWriter.Create(path, model, new TraceHeader(settings.File, scenario.Hash, traced),
                Sizes.TryParse(settings.TraceLimit ?? "1GB")!.Value)
            : null;
        try
        {
            await ProgressDisplay.RunAsync(consoles.Out, !settings.NoProgress, $"Simulating on {host.Description}",
                progress => ReplicationRunner.RunAsync(host.Engine, spec, model, replications, parallel, progress, cancellationToken,
                    r => finished[r.Replication] = telemetry is null ? r : Recorded(model, r), traceWriter is null ? null : (traced, traceWriter)));
            traceWriter?.Complete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }
        catch (TraceLimitException e)
        {
            stopped = e.Message;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A lost cluster, a bug: what finished is still written below, and the message says so.
            failed = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }

        if (stopped is not null)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {stopped}");
            consoles.Errors.WriteLine("No results were written: the run did not finish.");
            return ExitCodes.Failure;
        }

        // A folder holds replications 0..k-1 and nothing else, so that '--replications k' reproduces it to the byte.
        var kept = 0;
        while (finished.ContainsKey(kept))
        {
            kept++;
        }

        var results = Enumerable.Range(0, kept).Select(r => finished[r]).ToList();
        var leftOut = finished.Keys.Where(r => r >= kept).Order().ToList();
        if (failed is not null)
        {
            consoles.Errors.WriteLine($"isdnsim: error: the run failed: {failed}");
        }

        if (results.Count == 0)
        {
            consoles.Errors.WriteLine(interrupted
                ? "isdnsim: interrupted before replication 0 finished; nothing was written."
                : "isdnsim: replication 0 did not finish; nothing was written.");
            return interrupted ? ExitCodes.Interrupted : ExitCodes.Failure;
        }

        var simulated = clock.Elapsed.TotalSeconds;
        var complete = results.Count == replications;
        var reproduce = ReproduceCommand(settings, model, results.Count);
        RunSummary summary = null!;
        using var writing = Interruption.WritingResults();
        ProgressDisplay.Status(consoles.Out, !settings.NoProgress, $"Computing figures and writing {outDir}", () =>
        {
            summary = RunSummary.Build(model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]);
            var manifest = new RunManifest(settings.File, model.Definition.Name, scenario.Hash, model.Definition.AppliedVariant, model.Seed, results.Count, model.Horizon.Days,
                host.Engine.Name, host.Silos, ProgramVersion.Text, DateTimeOffset.UtcNow,
                results.Sum(r => r.Events), results.Sum(r => r.Windows), simulated)
            {
                WarmupDays = model.Warmup,
                RequestedReplications = complete ? null : replications,
                StoppedBy = complete ? null : interrupted ? "interrupted" : $"failure: {failed}",
                Reproduce = reproduce,
                SilosLost = host.SilosLost,
                ReplicationsRerun = host.Rerun,
            };
            ResultWriter.Write(outDir, model, results, summary, manifest);
        });

        SummaryView.Render(consoles.Out, model, summary);
        if (traceWriter is not null)
        {
            consoles.Out.MarkupLine($"Trace of replication {traced} in [bold]{Markup.Escape(settings.Trace!)}[/] ({traceWriter.Events:N0} events, {TraceWriter.Size(traceWriter.Bytes)}); replay it with: isdnsim replay {Markup.Escape(settings.Trace!)}");
        }

        consoles.Out.MarkupLine($"Results in [bold]{Markup.Escape(outDir)}[/] (simulated in {simulated:0.0} s, written in {clock.Elapsed.TotalSeconds - simulated:0.0} s).");
        if (telemetry is not null)
        {
            Report(telemetry, telemetry.Flush());
        }

        host.ReportReruns(consoles.Errors);

        if (!complete)
        {
            var why = interrupted ? "interrupted" : "stopped by the failure";
            consoles.Errors.WriteLine($"isdnsim: {why}: replications 0 to {results.Count - 1} of {replications} finished and were written to {outDir}.");
            if (leftOut.Count > 0)
            {
                consoles.Errors.WriteLine($"Replication{(leftOut.Count == 1 ? "" : "s")} {string.Join(", ", leftOut)} finished too but {(leftOut.Count == 1 ? "is" : "are")} left out: a run's folder holds replications 0 to k-1, so that '--replications k' reproduces it.");
            }

            consoles.Errors.WriteLine($"The folder is reproduced to the byte by: {reproduce}");
            consoles.Errors.WriteLine($"For all {replications}, run the command again with another --out (replications are pure functions: the first {results.Count} come out the same).");
            return interrupted ? ExitCodes.Interrupted : ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }
}
