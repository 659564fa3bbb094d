using System.Collections.Concurrent;
using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Storage;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Telemetry;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Telemetry;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Runner.Services;

/// <summary>
/// The run command's work: checks and compiles the run, starts the engine, runs the
/// replications with a trace and telemetry if asked, and writes the result folder, keeping what
/// finished when the run is interrupted or fails. It decides nothing about a result; the
/// command shows what it returns.
/// </summary>
internal sealed class RunService(Consoles consoles)
{
    /// <summary>The run to start, or null after reporting why it cannot (the scenario, --out, the overrides, --trace).</summary>
    /// <remarks>
    /// The file's variants other than the one run are checked in the background (started while
    /// the file was read, <see cref="PreparedRun.OtherVariants"/>). A problem found after the file was read is held
    /// back until they are known: a broken variant is reported instead, as when every variant was
    /// checked before anything else.
    /// </remarks>
    public PreparedRun? Prepare(RunSettings settings)
    {
        var scenario = ScenarioInput.LoadForRun(settings.File, settings.Variant, consoles, out var otherVariants);
        if (scenario is null)
        {
            return null;
        }

        otherVariants.Start(); // the load started them unless it read the file twice (the run's variant failed at first)
        var held = new StringWriter();
        if (Prepare(settings, scenario, otherVariants, new Consoles(consoles.Out, held)) is { } run)
        {
            return run;
        }

        if (otherVariants.Wait() is { } problems)
        {
            ScenarioInput.Report(problems, settings.File, consoles);
        }
        else
        {
            consoles.Errors.Write(held.ToString());
        }

        return null;
    }

    private static PreparedRun? Prepare(RunSettings settings, LoadedScenario scenario, DeferredVariantChecks otherVariants, Consoles consoles)
    {
        var outDir = ScenarioInput.OutputFolder(settings.Out, settings.File, null, consoles);
        if (outDir is null)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        // Step spans need every step recorded; without --otlp nothing is recorded or listened to.
        var otlp = settings.Otlp is { } endpoint ? OtlpExport.ParseEndpoint(endpoint) : null;
        var spec = RunSpec.From(scenario, overrides, otlp is null ? null : new AgentOptions(RecordSteps: true));
        var run = new PreparedRun(settings, scenario, outDir, spec, spec.Compile(), otlp) { OtherVariants = otherVariants };
        if (settings.Trace is { } tracePath && TraceProblem(tracePath, run.Traced, run.Replications) is { } traceProblem)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.ShortenQuoted(traceProblem)}");
            return null;
        }

        return run;
    }

    /// <summary>
    /// Runs <paramref name="run"/> and writes what finished; null if interrupted while the engine started (reported, nothing run).
    /// The engine is <paramref name="early"/>'s if it was started while the scenario was read, else started here.
    /// </summary>
    public async Task<RunOutcome?> RunAsync(PreparedRun run, CancellationToken cancellationToken, EarlyEngine? early = null)
    {
        var (settings, model) = (run.Settings, run.Model);

        // The writers' one-time set-up, in the background while the engine starts and simulates.
        _ = Task.Run(ResultWriter.Prepare, CancellationToken.None);
        PhaseTimings.Mark("starting the engine");
        var telemetry = run.StartTelemetry();
        EngineHost host;
        try
        {
            host = await (early?.TakeAsync() ?? EngineHost.StartAsync(settings, cancellationToken, consoles, activityPropagation: settings.TraceRuntime));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            telemetry?.Dispose();
            if (run.OtherVariants.Wait() is null)
            {
                consoles.Errors.WriteLine("isdnsim: interrupted while the engine started; nothing was run or written.");
            }

            return null;
        }
        catch
        {
            telemetry?.Dispose();
            throw;
        }

        PhaseTimings.Mark("engine started");
        var parallel = Math.Min(settings.Parallel ?? host.DefaultParallelism, run.Replications);
        var clock = Stopwatch.StartNew();
        var finished = new ConcurrentDictionary<int, ReplicationResult>();
        var interrupted = false;
        string? stopped = null;
        string? failed = null;
        var traceWriter = settings.Trace is { } path
            ? TraceWriter.Create(path, model, new TraceHeader(settings.File, run.Scenario.Hash, run.Traced), Sizes.TryParse(settings.TraceLimit ?? "1GB")!.Value)
            : null;
        try
        {
            await ProgressDisplay.RunAsync(consoles.Out, !settings.NoProgress, $"Simulating on {host.Description}",
                progress => ReplicationRunner.RunAsync(host.Engine, run.Spec, model, run.Replications, parallel, progress, cancellationToken,
                    r => finished[r.Replication] = telemetry is null ? r : Recorded(model, r), traceWriter is null ? null : (run.Traced, traceWriter)));
            if (run.OtherVariants.Wait() is null)
            {
                traceWriter?.Complete();
            }
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

        PhaseTimings.Mark("simulated");

        // A variant of the file found broken while the run went on: nothing is written (the command reports it as a file that does not read).
        if (run.OtherVariants.Wait() is not null)
        {
            // Not even the trace begun is kept (an interrupted run keeps it, marked incomplete).
            if (traceWriter is not null)
            {
                traceWriter.Dispose();
                File.Delete(settings.Trace!);
            }

            return new RunOutcome(run, host, telemetry, null, null);
        }

        // Nothing more runs on an embedded silo: it stops while the files are written (in the
        // isdnsim process it is left to end with the process instead). With telemetry, it stays
        // until the export is flushed, as Orleans' own metrics may be in it.
        if (telemetry is null)
        {
            host.StopEmbeddedSilo();
        }

        var (results, leftOut) = RunFolder.Contiguous(finished);
        if (stopped is not null || results.Count == 0)
        {
            return new RunOutcome(run, host, telemetry, traceWriter, null) { Stopped = stopped, Failed = failed, Interrupted = interrupted };
        }

        var simulated = clock.Elapsed.TotalSeconds;
        var complete = results.Count == run.Replications;
        var reproduce = RunFolder.ReproduceCommand(settings.File, model, results.Count, settings.Horizon, settings.Warmup);
        var writing = Interruption.WritingResults();
        RunSummary summary = null!;
        ProgressDisplay.Status(consoles.Out, !settings.NoProgress, $"Computing figures and writing {DisplayPath.Of(run.OutDir)}", () =>
        {
            var manifest = new RunManifest(settings.File, model.Definition.Name, run.Scenario.Hash, model.Definition.AppliedVariant, model.Seed, results.Count, model.Horizon.Days,
                host.Engine.Name, host.Silos, ProgramVersion.Text, DateTimeOffset.UtcNow,
                results.Sum(r => r.Events), results.Sum(r => r.Windows), simulated)
            {
                WarmupDays = model.Warmup.Days,
                RequestedReplications = complete ? null : run.Replications,
                StoppedBy = complete ? null : interrupted ? "interrupted" : $"failure: {failed}",
                Reproduce = reproduce,
                SilosLost = host.SilosLost,
                ReplicationsRerun = host.Rerun,
            };
            summary = RunFolder.Write(run.OutDir, model, results, manifest);
        });
        foreach (var r in finished.Values)
        {
            r.Dispose();
        }

        return new RunOutcome(run, host, telemetry, traceWriter, writing)
        {
            Failed = failed,
            Interrupted = interrupted,
            Summary = summary,
            Written = results.Count,
            LeftOut = leftOut,
            Reproduce = reproduce,
            SimulatedSeconds = simulated,
            TotalSeconds = clock.Elapsed.TotalSeconds,
        };
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

    /// <summary>Sends a finished replication's telemetry; its steps were recorded only for that and are let go.</summary>
    private static ReplicationResult Recorded(SimulationModel model, ReplicationResult result)
    {
        SimulationTelemetry.Record(model, result);
        return result.WithoutSteps();
    }
}
