using System.Globalization;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Engine;

/// <summary>
/// Everything that determines a run, in a form that can travel to a silo: the scenario text
/// (each silo validates and compiles it itself), the overrides and the recording options.
/// </summary>
public sealed record RunSpec(
    string ScenarioText,
    string ScenarioFile,
    ScenarioOverrides Overrides,
    AgentOptions Options,
    long MaxEventsPerWindow = RunSpec.DefaultMaxEventsPerWindow)
{
    /// <summary>Small enough that one window (and so any agent call) stays well under a second, far from any response timeout.</summary>
    public const long DefaultMaxEventsPerWindow = 1_000_000;

    public static RunSpec From(LoadedScenario scenario, ScenarioOverrides? overrides = null, AgentOptions? options = null) =>
        new(scenario.Text, scenario.File, overrides ?? ScenarioOverrides.None, options ?? AgentOptions.Default);

    /// <summary>
    /// Threads a large window's agents are spread over, by the in-process engine and by the Orleans
    /// engine's group when a replication has only one; 0 (the default): the machine's cores shared by
    /// the replications running at once (<see cref="ThreadsPerReplication"/>). Changes no result, so
    /// it is not part of <see cref="Key"/>; a replication split into several groups runs a window's
    /// agents in its groups and does not read it.
    /// </summary>
    public int WindowThreads { get; init; }

    /// <summary>
    /// <see cref="WindowThreads"/> when given, else the cores left to each of <paramref name="atOnce"/>
    /// replications running at the same time: a batch that fills the cores keeps one thread each.
    /// </summary>
    public int ThreadsPerReplication(int atOnce) =>
        WindowThreads > 0 ? WindowThreads : Math.Max(1, Environment.ProcessorCount / Math.Max(1, atOnce));

    /// <summary>The text's hash; a long text's is taken once and kept with it (<see cref="ScenarioLoader.Hash"/>), the load's included.</summary>
    public string ScenarioHash => ScenarioLoader.Hash(ScenarioText);

    /// <summary>Identifies the compiled model this spec produces, so silos can compile it once and share it.</summary>
    public string Key => ScenarioLoader.Hash(string.Join('|',
        ScenarioHash,
        ScenarioFile,
        Overrides.Seed?.ToString(CultureInfo.InvariantCulture) ?? "-",
        Overrides.Replications?.ToString(CultureInfo.InvariantCulture) ?? "-",
        Overrides.HorizonDays?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
        Overrides.WarmupDays?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
        Overrides.Variant ?? "-",
        Options.RecordSteps ? "steps" : "-",
        MaxEventsPerWindow.ToString(CultureInfo.InvariantCulture),
        string.Join('\u001f', Overrides.Set.Select(s => $"{s.Path}={s.Value}"))));

    /// <summary>The scenario's text with the overrides' values set (<see cref="ScenarioOverrides.Set"/>), as it is read to compile.</summary>
    public string EffectiveText => Overrides.Set.Count == 0 ? ScenarioText : ScenarioPatch.Apply(ScenarioText, Overrides.Set);

    public SimulationModel Compile() =>
        SimulationModel.Compile(Overrides.Apply(ScenarioLoader.ParseForRun(EffectiveText, ScenarioFile, Overrides.Variant).Definition));
}
