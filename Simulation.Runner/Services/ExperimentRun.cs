using System.Diagnostics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Diagnostics;
using Spectre.Console;

namespace IsdnSim.Runner.Services;

/// <summary>
/// What <see cref="CompareService"/> and <see cref="SweepService"/> share: the experiment folder
/// (new or resumed), running on an engine, an interruption that can be resumed, and the manifest.
/// </summary>
internal static class ExperimentRun
{
    /// <summary>
    /// results/&lt;scenario&gt;-&lt;date&gt;-&lt;time&gt; for a run, results/&lt;scenario&gt;-&lt;command&gt;-&lt;date&gt;-&lt;time&gt;
    /// for a comparison or sweep, with -2, -3, ... if two start in the same second.
    /// </summary>
    public static string DefaultFolder(string file, string? command = null)
    {
        var stem = Path.Combine("results", $"{Path.GetFileNameWithoutExtension(file)}-{(command is null ? "" : command + "-")}{DateTime.Now:yyyyMMdd-HHmmss}");
        var candidate = stem;
        for (var n = 2; Directory.Exists(candidate) || File.Exists(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    /// <summary>The experiment in <paramref name="directory"/>, if it is one of this <paramref name="kind"/>; else reports why and returns null.</summary>
    public static ExperimentStore? Resume(string directory, string kind, Consoles consoles)
    {
        try
        {
            var warnings = new List<string>();
            var store = ExperimentStore.Open(directory, warnings);
            foreach (var warning in warnings)
            {
                consoles.Errors.WriteLine($"isdnsim: warning: {warning}");
            }

            if (store.Plan.Kind != kind)
            {
                consoles.Errors.WriteLine($"isdnsim: error: --resume: '{UserText.Shorten(directory)}' holds a {store.Plan.Kind}, not a {kind}; resume it with 'isdnsim {store.Plan.Kind} --resume {UserText.Shorten(directory)}'");
                return null;
            }

            return store;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            consoles.Errors.WriteLine($"isdnsim: error: --resume: {UserText.ShortenQuoted(e.Message)}");
            return null;
        }
    }

    /// <summary>
    /// The experiment to run: the interrupted one in --resume's folder, or a new one planned from
    /// the options in a new folder; null after reporting why neither is possible. Nothing is
    /// written before the experiment has been prepared (every variant or point compiled).
    /// </summary>
    /// <param name="prepare">Compiles the experiment; reports and returns null if it cannot.</param>
    public static OpenedExperiment<T>? Open<T>(
        ExperimentSettings settings,
        string kind,
        Func<(ExperimentPlan Plan, string Text)?> plan,
        Func<ExperimentPlan, string, T?> prepare,
        Consoles consoles)
        where T : class, IExperiment
    {
        if (settings.Resume is { } resume)
        {
            if (Resume(resume, kind, consoles) is not { } opened || Prepare(prepare, opened.Plan, opened.ScenarioText, consoles) is not { } resumed)
            {
                return null;
            }

            if (opened.Plan.Build != ProgramVersion.Build)
            {
                consoles.Errors.WriteLine($"isdnsim: warning: {DisplayPath.Of(opened.Directory)} was started by another build of isdnsim ({opened.Plan.Build ?? "unknown"}, this is {ProgramVersion.Build}); " +
                                          "if the simulation changed in between, the replications already there and the new ones do not fit together");
            }

            var setAside = new List<string>();
            var found = opened.LoadFinished(resumed, setAside).Count;
            foreach (var warning in setAside)
            {
                consoles.Errors.WriteLine($"isdnsim: warning: {warning}");
            }

            consoles.Out.MarkupLine($"Resuming [bold]{Markup.Escape(DisplayPath.Of(opened.Directory))}[/]: {found} replications already there.");
            return new OpenedExperiment<T>(opened, resumed);
        }

        if (plan() is not { } planned)
        {
            return null;
        }

        var outDir = settings.Out ?? DefaultFolder(settings.File!, kind);
        if (ExperimentStore.CheckNew(outDir) is { } problem)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.ShortenQuoted(problem)}");
            return null;
        }

        return Prepare(prepare, planned.Plan, planned.Text, consoles) is { } experiment
            ? new OpenedExperiment<T>(ExperimentStore.Create(outDir, experiment.Plan, planned.Text), experiment)
            : null;
    }

    /// <summary>The plan a request makes of the options, with the scenario's text; null after reporting the rule it breaks.</summary>
    public static (ExperimentPlan Plan, string Text)? Planned(Func<ExperimentPlan> plan, string scenarioText, Consoles consoles)
    {
        try
        {
            return (plan(), scenarioText);
        }
        catch (ExperimentRequestException e)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
            return null;
        }
    }

    private static T? Prepare<T>(Func<ExperimentPlan, string, T?> prepare, ExperimentPlan plan, string text, Consoles consoles)
        where T : class
    {
        try
        {
            return prepare(plan, text);
        }
        catch (InvalidDataException e)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the engine the options ask for, with a progress bar, and
    /// writes the result files (<paramref name="write"/>) and the manifest. If it is interrupted or
    /// fails, reports how many replications are stored and how to resume, and returns no outcome
    /// with the exit code to use.
    /// </summary>
    public static async Task<(Completed<T>? Completed, int ExitCode)> RunAsync<TExperiment, T>(
        ExperimentSettings settings,
        OpenedExperiment<TExperiment> opened,
        string command,
        Func<ISimulationEngine, int, IProgress<ExperimentProgress>?, CancellationToken, Task<T>> work,
        Action<T, ReportContext> write,
        Consoles consoles,
        CancellationToken cancellationToken)
        where TExperiment : IExperiment
        where T : IExperimentOutcome
    {
        var (completed, code) = await RunAsync(settings, opened.Store, command, work, consoles, cancellationToken);
        if (completed is null)
        {
            return (null, code);
        }

        var outcome = completed.Outcome;
        var plan = opened.Experiment.Plan;
        var context = ExperimentContext.For(plan, opened.Model, outcome.Replications, outcome.PrecisionReached, ProgramVersion.Text);
        ProgressDisplay.Status(consoles.Out, !settings.NoProgress, "Writing figures and report", () =>
        {
            write(outcome, context);
            ExperimentOutput.WriteManifest(opened.Store, new ExperimentManifest(ManifestHead.Program, ProgramVersion.Text, ManifestHead.GitCommit, command,
                ManifestHead.Timestamp(DateTimeOffset.UtcNow), plan.ScenarioFile, context.ScenarioName, plan.ScenarioHash, opened.Model.Seed, context.Replications,
                completed.Engine, completed.Silos, outcome.Digests.Values.Sum(d => d.Sum(x => x.Events)), ManifestHead.Seconds(completed.WallSeconds),
                context.PrecisionReached, outcome.Computed, completed.FromStore, plan, context.Variants)
            {
                SilosLost = completed.SilosLost > 0 ? completed.SilosLost : null,
                ReplicationsRerun = completed.Rerun > 0 ? completed.Rerun : null,
            });
            ResultGuide.Write(opened.Store.Directory, command);
        });
        return (completed, ExitCodes.Ok);
    }

    private static async Task<(Completed<T>? Completed, int ExitCode)> RunAsync<T>(
        ExperimentSettings settings,
        ExperimentStore store,
        string command,
        Func<ISimulationEngine, int, IProgress<ExperimentProgress>?, CancellationToken, Task<T>> work,
        Consoles consoles,
        CancellationToken cancellationToken)
    {
        var before = store.Stored();
        EngineHost? host = null;
        int code;
        try
        {
            // Started inside the try: Ctrl+C while the silo starts leaves a folder to resume, like any other moment.
            host = await EngineHost.StartAsync(settings, cancellationToken, consoles);
            var parallel = settings.Parallel ?? host.DefaultParallelism;
            var clock = Stopwatch.StartNew();
            T outcome = default!;
            await ProgressDisplay.RunAsync(consoles.Out, !settings.NoProgress, $"Simulating on {host.Description}",
                async progress => outcome = await work(host.Engine, parallel, progress, cancellationToken));
            host.ReportReruns(consoles.Errors);

            return (new Completed<T>(outcome, host.Engine.Name, host.Silos, clock.Elapsed.TotalSeconds, before) { SilosLost = host.SilosLost, Rerun = host.Rerun }, ExitCodes.Ok);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Errors.WriteLine("isdnsim: interrupted.");
            code = ExitCodes.Interrupted;
        }
        catch (Hosting.ClusterUnavailableException e)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
            code = ExitCodes.ClusterUnavailable;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException))
        {
            // A cluster that lost every silo, a bug: every replication that finished is stored already.
            consoles.Errors.WriteLine($"isdnsim: error: the {command} failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            code = ExitCodes.Failure;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        var stored = store.Stored();
        consoles.Errors.WriteLine($"{stored} replications are stored in {DisplayPath.Of(store.Directory)} ({stored - before} of them from this run).");
        consoles.Errors.WriteLine($"Continue with: isdnsim {command} --resume {DisplayPath.Of(store.Directory)}");
        return (null, code);
    }

    /// <summary>A finished experiment run: its outcome, and how it ran (for the manifest).</summary>
    public sealed record Completed<T>(T Outcome, string Engine, int Silos, double WallSeconds, int FromStore)
    {
        public int SilosLost { get; init; }

        public int Rerun { get; init; }
    }

    public static void Done(Consoles consoles, ExperimentStore store, double seconds) =>
        consoles.Out.MarkupLine($"Results and report in [bold]{Markup.Escape(DisplayPath.Of(store.Directory))}[/] ({Markup.Escape(DisplayPath.Of(Path.Combine(store.Directory, "report.html")))}), simulated in {seconds:0.0} s.");
}
