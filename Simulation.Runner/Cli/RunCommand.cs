using IsdnSim.Presentation.Labels;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using IsdnSim.Runner.Telemetry;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

public sealed class RunCommand(Consoles consoles) : AsyncCommand<RunSettings>
{
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

    /// <summary>Stops the run through <paramref name="stop"/> unless the other variants' checks found nothing (a fault in them stops it too).</summary>
    private static void StopUnlessClean(Task<ScenarioException?> checks, CancellationTokenSource stop)
    {
        if (checks is { IsCompletedSuccessfully: true, Result: null })
        {
            return;
        }

        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command had finished.
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        PhaseTimings.Mark("command parsed");
        var service = new RunService(consoles);

        // The embedded silo starts while the scenario is read; with --otlp the telemetry starts before the engine, as it always did.
        await using var early = settings.Otlp is null ? EarlyEngine.StartIfEmbedded(settings, cancellationToken, consoles, activityPropagation: settings.TraceRuntime) : null;
        if (service.Prepare(settings) is not { } run)
        {
            return ExitCodes.BadInput;
        }

        PhaseTimings.Mark("scenario read and compiled");
        var model = run.Model;
        var replications = run.Replications;
        var variantText = model.Definition.AppliedVariant is { } v ? $", variant {DisplayNames.Variant(v)}" : "";
        consoles.Out.MarkupLine($"[bold]{Markup.Escape(model.Definition.Name)}[/]{Markup.Escape(variantText)}: {replications} replication{(replications == 1 ? "" : "s")} " +
                                $"of {model.Horizon.Days:0.##} days, seed {model.Seed}");
        // A variant found broken while the run goes on stops it, and is reported as a file that does not read.
        // The checks run beside the compile and the replication: with ISDNSIM_TIMINGS=1, when they end is a phase of its own.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = run.OtherVariants.Start().ContinueWith(
            checks =>
            {
                PhaseTimings.Mark("other variants checked");
                StopUnlessClean(checks, stop);
            },
            TaskScheduler.Default);
        await using var outcome = await service.RunAsync(run, stop.Token, early);
        if (run.OtherVariants.Wait() is { } problems)
        {
            ScenarioInput.Report(problems, settings.File, consoles);
            return ExitCodes.BadInput;
        }

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

        PhaseTimings.Mark("results written");
        SummaryView.Render(consoles.Out, model, summary);
        if (outcome.Trace is { } trace)
        {
            consoles.Out.MarkupLine($"Trace of replication {run.Traced} in [bold]{Markup.Escape(DisplayPath.Of(settings.Trace!))}[/] ({trace.Events:N0} events, {TraceWriter.Size(trace.Bytes)}); replay it with: isdnsim replay {Markup.Escape(DisplayPath.Of(settings.Trace!))}");
        }

        consoles.Out.MarkupLine($"Results in [bold]{Markup.Escape(DisplayPath.Of(run.OutDir))}[/] (simulated in {outcome.SimulatedSeconds:0.0} s, written in {outcome.TotalSeconds - outcome.SimulatedSeconds:0.0} s).");
        if (outcome.Telemetry is { } telemetry)
        {
            Report(telemetry, telemetry.Flush());
        }

        PhaseTimings.Mark("summary shown");
        outcome.Host.ReportReruns(consoles.Errors);
        if (!outcome.Complete)
        {
            var written = outcome.Written;
            var leftOut = outcome.LeftOut;
            var why = interrupted ? "interrupted" : "stopped by the failure";
            consoles.Errors.WriteLine($"isdnsim: {why}: replications 0 to {written - 1} of {replications} finished and were written to {DisplayPath.Of(run.OutDir)}.");
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
