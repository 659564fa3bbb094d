using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.RunSpec")]
public readonly record struct RunSpecSurrogate(
    [property: Id(0)] string ScenarioText,
    [property: Id(1)] string ScenarioFile,
    [property: Id(2)] ulong? Seed,
    [property: Id(3)] int? Replications,
    [property: Id(4)] double? HorizonDays,
    [property: Id(5)] bool RecordSteps,
    [property: Id(6)] long MaxEventsPerWindow,
    [property: Id(7)] string? Variant,
    [property: Id(8)] double? WarmupDays,
    [property: Id(9)] string[]? SetPaths,
    [property: Id(10)] string[]? SetValues,
    [property: Id(11)] int WindowThreads);

[RegisterConverter]
public sealed class RunSpecConverter : IConverter<RunSpec, RunSpecSurrogate>
{
    public RunSpec ConvertFromSurrogate(in RunSpecSurrogate s) => From(s);

    private static RunSpec From(RunSpecSurrogate s) =>
        new(s.ScenarioText, s.ScenarioFile, new ScenarioOverrides(s.Seed, s.Replications, s.HorizonDays, s.Variant, s.WarmupDays)
        {
            Set = s.SetPaths is { } paths ? [.. paths.Select((p, i) => (p, s.SetValues![i]))] : [],
        }, new AgentOptions(s.RecordSteps), s.MaxEventsPerWindow)
        {
            WindowThreads = s.WindowThreads,
        };

    public RunSpecSurrogate ConvertToSurrogate(in RunSpec r) =>
        new(r.ScenarioText, r.ScenarioFile, r.Overrides.Seed, r.Overrides.Replications, r.Overrides.HorizonDays, r.Options.RecordSteps, r.MaxEventsPerWindow, r.Overrides.Variant, r.Overrides.WarmupDays,
            r.Overrides.Set.Count == 0 ? null : [.. r.Overrides.Set.Select(x => x.Path)], r.Overrides.Set.Count == 0 ? null : [.. r.Overrides.Set.Select(x => x.Value)], r.WindowThreads);
}
