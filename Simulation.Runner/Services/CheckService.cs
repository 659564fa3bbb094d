using System.Collections.Concurrent;
using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Storage;
using IsdnSim.Analysis.Validation;
using IsdnSim.Presentation.Output;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Runner.Services;

/// <summary>
/// The check command's work: reads the scenario and the observed data and fits one to the other,
/// runs the replications (the same as 'run' with the same seed, variant and replications:
/// common random numbers), computes each observation's simulated counterpart
/// (<see cref="ObservedFigures"/>, <see cref="ObservedCheck"/>) and writes check.csv with its
/// manifest. An interrupted or failed check writes nothing. The command shows what it returns.
/// </summary>
internal sealed class CheckService(Consoles consoles)
{
    /// <summary>The check to run, or null after reporting why it cannot run (the scenario, the observed file, the overrides, --out).</summary>
    public PreparedCheck? Prepare(CheckSettings settings)
    {
        var scenario = ScenarioInput.Load(settings.File, consoles);
        if (scenario is null)
        {
            return null;
        }

        var observedFile = settings.Observed!;
        var observed = ScenarioInput.Observed(observedFile, () => ObservedData.Read(observedFile), consoles);
        if (observed is null)
        {
            return null;
        }

        var outDir = ScenarioInput.OutputFolder(settings.Out, settings.File, "check", consoles);
        if (outDir is null)
        {
            return null;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, settings.Replications, consoles);
        if (overrides is null)
        {
            return null;
        }

        var spec = RunSpec.From(scenario, overrides);
        var model = spec.Compile();
        var targets = ScenarioInput.Observed(observedFile, () => ObservedTarget.Resolve(observed, model, settings.File), consoles);
        return targets is null ? null : new PreparedCheck(settings, scenario, observed, targets, outDir, spec, model);
    }

    /// <summary>Runs the check and writes its folder; on an interruption or failure reports it and writes nothing.</summary>
    public async Task<CheckOutcome> RunAsync(PreparedCheck check, CancellationToken cancellationToken)
    {
        var (settings, model) = (check.Settings, check.Model);
        var figures = new ConcurrentDictionary<int, ObservedFigures>();
        var clock = Stopwatch.StartNew();
        long events = 0;
        EngineHost host;
        try
        {
            host = await EngineHost.StartAsync(settings, cancellationToken, consoles);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Errors.WriteLine("isdnsim: interrupted while the engine started; nothing was run or written.");
            return new CheckOutcome(null, ExitCodes.Interrupted);
        }

        await using (host)
        {
            try
            {
                var parallel = Math.Min(settings.Parallel ?? host.DefaultParallelism, check.Replications);
                await ProgressDisplay.RunAsync(consoles.Out, !settings.NoProgress, $"Simulating on {host.Description}",
                    progress => ReplicationRunner.RunAsync(host.Engine, check.Spec, model, check.Replications, parallel, progress, cancellationToken, r =>
                    {
                        figures[r.Replication] = ObservedFigures.Compute(model, r, check.Targets);
                        Interlocked.Add(ref events, r.Events);
                        r.Dispose();
                    }));
                host.ReportReruns(consoles.Errors);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                consoles.Errors.WriteLine($"isdnsim: interrupted after {figures.Count} of {check.Replications} replications; nothing was written (a check compares all its replications; run it again).");
                return new CheckOutcome(null, ExitCodes.Interrupted);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or ClusterUnavailableException))
            {
                consoles.Errors.WriteLine($"isdnsim: error: the check failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                consoles.Errors.WriteLine("Nothing was written.");
                return new CheckOutcome(null, ExitCodes.Failure);
            }

            var result = ObservedCheck.Compute(check.Targets, [.. figures.OrderBy(f => f.Key).Select(f => f.Value)]);
            var simulated = clock.Elapsed.TotalSeconds;
            var manifest = new CheckManifest(ManifestHead.Program, ProgramVersion.Text, ManifestHead.GitCommit, "check", ManifestHead.Timestamp(DateTimeOffset.UtcNow),
                settings.File, model.Definition.Name, check.Scenario.Hash, model.Seed, check.Replications, host.Engine.Name, host.Silos, events, simulated,
                model.Definition.AppliedVariant, check.Observed.File, check.Observed.Sha256, check.Observed.Rows.Count, model.Horizon.Days, model.Warmup.Days,
                RunFolder.ReproduceCommand(settings.File, model, check.Replications, settings.Horizon, settings.Warmup, check.Observed.File));
            using (Interruption.WritingResults())
            {
                CheckOutput.Write(check.OutDir, result, manifest);
            }

            return new CheckOutcome(result, ExitCodes.Ok) { WallSeconds = simulated };
        }
    }
}
