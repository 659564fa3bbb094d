using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Kernel.Model;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>Runs comparisons and sweeps the way the command line does, without the command line.</summary>
internal static class Experiments
{
    public static ExperimentPlan ComparePlan(string yaml, IReadOnlyList<string> variants, int replications, double? precision = null, int cap = 100, ulong? seed = null) => new()
    {
        Kind = ExperimentPlan.CompareKind,
        ScenarioFile = "inline.yaml",
        ScenarioHash = Runs.Parse(yaml).Hash,
        Seed = seed,
        Variants = variants,
        Baseline = variants[0],
        Replications = replications,
        Precision = precision,
        MaxReplications = precision is null ? replications : cap,
        ProgramVersion = "test",
    };

    /// <summary>Runs (or resumes) a comparison into <paramref name="directory"/> and writes its result files.</summary>
    public static async Task<CompareOutcome> CompareAsync(ExperimentPlan plan, string yaml, string directory, ISimulationEngine? engine = null, CancellationToken cancellationToken = default)
    {
        var resuming = Directory.Exists(directory) && File.Exists(Path.Combine(directory, ExperimentStore.PlanFile));
        var store = resuming ? ExperimentStore.Open(directory) : null;
        var experiment = CompareExperiment.Prepare(store?.Plan ?? plan, store?.ScenarioText ?? yaml);
        store ??= ExperimentStore.Create(directory, experiment.Plan, yaml);
        var outcome = await experiment.RunAsync(store, engine ?? new InProcessEngine(), 2, null, cancellationToken);
        var context = ExperimentContext.For(store.Plan, experiment.Cells[0].Model, outcome.Replications, outcome.PrecisionReached, "test");
        ExperimentOutput.WriteCompare(store, outcome, CompareReport.Build(context, outcome.Result), context.Years);
        return outcome;
    }

    /// <summary>The replications a comparison's folder holds, as resuming it would load them (setting aside what does not belong).</summary>
    public static Dictionary<(string Cell, int Replication), ReplicationDigest> LoadCompare(string directory, List<string>? problems = null)
    {
        var store = ExperimentStore.Open(directory);
        return store.LoadFinished(CompareExperiment.Prepare(store.Plan, store.ScenarioText), problems);
    }

    /// <summary>
    /// Edits a sealed JSON file's text and writes it back; with <paramref name="reseal"/> its
    /// checksum is made to fit again, as if isdnsim had written it so (another version, say).
    /// </summary>
    public static void Edit(string file, Func<string, string> edit, bool reseal = false)
    {
        var text = edit(File.ReadAllText(file));
        if (reseal)
        {
            var node = SealedJson.Parse(text)!;
            node[SealedJson.Field] = SealedJson.Of(node);
            text = node.ToJsonString(ExperimentStore.Json);
        }

        File.WriteAllText(file, text);
    }

    /// <summary>Every file of an experiment folder but the manifest (it records when and how it ran), by relative path.</summary>
    public static Dictionary<string, byte[]> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "manifest.json")
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes);

    public static int Metric(CompareOutcome outcome, string key) =>
        outcome.Result.Metrics.Select((m, i) => (m, i)).Single(x => x.m.Key == key).i;
}

/// <summary>An engine that cancels the run after a number of replications have finished, as Ctrl+C would.</summary>
internal sealed class InterruptingEngine(int after, CancellationTokenSource cancel) : ISimulationEngine
{
    private readonly InProcessEngine _inner = new();
    private int _finished;

    public string Name => _inner.Name;

    public async Task<ReplicationResult> RunReplicationAsync(RunSpec spec, SimulationModel model, int replication, IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken, IsdnSim.Kernel.Tracing.ITraceSink? trace = null)
    {
        var result = await _inner.RunReplicationAsync(spec, model, replication, progress, cancellationToken, trace);
        if (Interlocked.Increment(ref _finished) >= after)
        {
            // Cancel, not CancelAsync: Parallel.ForEachAsync watches a token linked to this one, and
            // CancelAsync passes the cancellation on from the thread pool, which a busy test run can
            // keep waiting until every replication has finished.
            cancel.Cancel();
        }

        return result;
    }
}
