using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Presentation.Output;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Tests.Support;

/// <summary>Runs scenarios the way the command line does, without the command line.</summary>
public static class Runs
{
    public static LoadedScenario Load(string scenarioFile) => ScenarioLoader.LoadFile(Repository.Scenario(scenarioFile));

    public static LoadedScenario Parse(string yaml) => ScenarioLoader.Parse(yaml, "inline.yaml");

    public static async Task<ReplicationResult[]> RunAsync(ISimulationEngine engine, RunSpec spec, int? replications = null)
    {
        var model = spec.Compile();
        return await ReplicationRunner.RunAsync(engine, spec, model, replications ?? model.Definition.Replications, 2, null, CancellationToken.None);
    }

    public static ReplicationResult RunOne(RunSpec spec, int replication = 0) =>
        InProcessEngine.Run(spec, spec.Compile(), replication);

    /// <summary>Runs and writes the result folder; returns the folder's files' bytes by name (manifest excluded: it names the engine).</summary>
    public static async Task<Dictionary<string, byte[]>> RunToFilesAsync(ISimulationEngine engine, RunSpec spec, string directory, int parallelism = 2)
    {
        var model = spec.Compile();
        var results = await ReplicationRunner.RunAsync(engine, spec, model, model.Definition.Replications, parallelism, null, CancellationToken.None);
        return WriteFiles(spec, model, results, engine.Name, directory);
    }

    /// <summary>Writes the result folder of <paramref name="results"/>; returns its files' bytes by name (manifest excluded).</summary>
    public static Dictionary<string, byte[]> WriteFiles(RunSpec spec, SimulationModel model, ReplicationResult[] results, string engine, string directory)
    {
        var summary = RunSummary.Build(model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]);
        var manifest = new RunManifest(spec.ScenarioFile, model.Definition.Name, spec.ScenarioHash, model.Definition.AppliedVariant, model.Seed, results.Length,
            model.Horizon.Days, engine, 1, "test", DateTimeOffset.UnixEpoch, 0, 0, 0);
        ResultWriter.Write(directory, model, results, summary, manifest);
        return Directory.GetFiles(directory).Where(f => !f.EndsWith("manifest.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
    }

    public static RunSpec Spec(LoadedScenario scenario, ScenarioOverrides? overrides = null, bool recordSteps = false, long? maxEventsPerWindow = null)
    {
        var spec = RunSpec.From(scenario, overrides, new AgentOptions(recordSteps));
        return maxEventsPerWindow is { } m ? spec with { MaxEventsPerWindow = m } : spec;
    }
}
